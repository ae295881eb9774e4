import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import TextField from "./TextField.svelte";

describe("TextField with a date", () => {
  it("shows and takes dates as ISO, and says how to write one before anything is saved", async () => {
    const onsave = vi.fn();
    render(TextField, { label: "Deadline", type: "date", value: "2028-05-01", onsave });
    const input = screen.getByLabelText("Deadline") as HTMLInputElement;
    expect(input.value).toBe("2028-05-01");
    expect(input.type, "the same text in every field, whatever the system's locale").toBe("text");
    expect(input.placeholder).toBe("YYYY-MM-DD");

    await fireEvent.input(input, { target: { value: "05/01/2028" } });
    await fireEvent.change(input);
    expect(onsave).not.toHaveBeenCalled();
    expect(screen.getByRole("alert").textContent).toBe(
      "Deadline: write the date as year-month-day, such as 2026-12-01.",
    );
    expect(input.getAttribute("aria-invalid")).toBe("true");

    await fireEvent.input(input, { target: { value: "2028-6-1" } });
    await fireEvent.change(input);
    expect(onsave).toHaveBeenCalledWith("2028-06-01");
    expect(screen.queryByRole("alert")).toBeNull();
  });
});
