import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { vision } from "../testing/recorded/vision";
import { replay } from "../testing/replay";
import VisionSection from "./VisionSection.svelte";

afterEach(() => clearMocks());

describe("VisionSection", () => {
  it("edits a Lean Canvas box in place and saves it", async () => {
    replay(vision);
    const editor = new PlanEditor();
    await editor.load();
    render(VisionSection, { editor });
    expect(screen.getAllByRole("button", { name: /^Edit / })).toHaveLength(9);
    await fireEvent.click(screen.getByRole("button", { name: "Edit Problem" }));
    const box = screen.getByRole("textbox", { name: "Problem" });
    await fireEvent.input(box, { target: { value: "Feedback is scattered" } });
    await fireEvent.blur(box);
    await waitFor(() => expect(editor.undoLabel).toBe("Edited the Lean Canvas: problem  → Feedback is scattered"));
    expect(editor.canvas?.problem).toBe("Feedback is scattered");
  });

  it("saves the company name when the field is left", async () => {
    replay(vision);
    const editor = new PlanEditor();
    await editor.load();
    render(VisionSection, { editor });
    const name = screen.getByLabelText("Company name");
    await fireEvent.input(name, { target: { value: "Acme Robotics" } });
    await fireEvent.change(name);
    await waitFor(() => expect(editor.view?.plan.data.company_name).toBe("Acme Robotics"));
    expect(editor.undoLabel).toBe("Edited the company name Loomline → Acme Robotics");
  });
});
