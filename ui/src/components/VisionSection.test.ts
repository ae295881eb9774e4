import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { fakeCore } from "../testing/fakeCore";
import VisionSection from "./VisionSection.svelte";

afterEach(() => clearMocks());

describe("VisionSection", () => {
  it("edits a Lean Canvas box in place and saves it", async () => {
    const core = fakeCore();
    const editor = new PlanEditor();
    await editor.load();
    render(VisionSection, { editor });
    expect(screen.getAllByRole("button", { name: /^Edit / })).toHaveLength(9);
    await fireEvent.click(screen.getByRole("button", { name: "Edit Problem" }));
    const box = screen.getByRole("textbox", { name: "Problem" });
    await fireEvent.input(box, { target: { value: "Feedback is scattered" } });
    await fireEvent.blur(box);
    await waitFor(() => expect(editor.undoLabel).toBe("Edited the Lean Canvas"));
    expect(core.canvas.problem).toBe("Feedback is scattered");
  });

  it("saves the company name when the field is left", async () => {
    const core = fakeCore();
    const editor = new PlanEditor();
    await editor.load();
    render(VisionSection, { editor });
    const name = screen.getByLabelText("Company name");
    await fireEvent.input(name, { target: { value: "Acme Robotics" } });
    await fireEvent.change(name);
    await waitFor(() => expect(core.view.plan.data.company_name).toBe("Acme Robotics"));
  });
});
