import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import SelectField from "./SelectField.svelte";

const options = [
  { value: "now", label: "Now" },
  { value: "next", label: "Next" },
  { value: "later", label: "Later" },
];

describe("SelectField", () => {
  it("never leaves on screen a choice the plan did not take", async () => {
    // The save is answered, and the plan still says "later" (the change was not kept).
    render(SelectField, { label: "Horizon", value: "later", options, onsave: () => Promise.resolve() });
    const select = screen.getByLabelText("Horizon") as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: "now" } });
    await Promise.resolve();
    await Promise.resolve();
    expect(select.value).toBe("later");
  });

  it("keeps a refused choice with its refusal until another choice is made", async () => {
    let refuse = true;
    let refusal: () => void = () => undefined;
    const { rerender } = render(SelectField, {
      label: "Horizon",
      value: "later",
      options,
      onsave: () => {
        if (refuse) refusal();
      },
    });
    refusal = () => {
      rerender({ error: "Horizon: not now" });
    };
    const select = screen.getByLabelText("Horizon") as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: "now" } });
    await Promise.resolve();
    expect(select.value).toBe("now");
    expect(screen.getByRole("alert").textContent).toBe("Horizon: not now");

    refuse = false;
    await fireEvent.change(select, { target: { value: "later" } });
    expect(screen.queryByRole("alert"), "back at the plan's value: nothing is wrong").toBeNull();
  });
});
