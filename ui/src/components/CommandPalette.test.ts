import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { featureData } from "../testing/features";
import CommandPalette from "./CommandPalette.svelte";

const features = [
  { id: "1", position: 1, data: featureData("Pricing page") },
  { id: "2", position: 2, data: featureData("SSO") },
];

function setup() {
  const onrun = vi.fn();
  const onclose = vi.fn();
  render(CommandPalette, { features, onrun, onclose });
  return { onrun, onclose, input: screen.getByRole("combobox") };
}

describe("CommandPalette", () => {
  it("opens with the search focused and every action listed with its shortcut", () => {
    const { input } = setup();
    expect(document.activeElement).toBe(input);
    const first = screen.getAllByRole("option")[0];
    expect(first?.getAttribute("aria-selected")).toBe("true");
    expect(screen.getByRole("option", { name: /Go to Traction/ }).textContent).toContain("Ctrl+3");
  });

  it("filters as you type, moves with the arrows and runs the chosen entry with Enter", async () => {
    const { onrun, input } = setup();
    await fireEvent.input(input, { target: { value: "go to" } });
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    await fireEvent.keyDown(input, { key: "ArrowDown" });
    const chosen = screen.getAllByRole("option")[2];
    expect(chosen?.getAttribute("aria-selected")).toBe("true");
    expect(input.getAttribute("aria-activedescendant")).toBe(chosen?.id);
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onrun).toHaveBeenCalledWith(expect.objectContaining({ label: "Go to Traction" }));
  });

  it("finds a feature by its title", async () => {
    const { onrun, input } = setup();
    await fireEvent.input(input, { target: { value: "sso" } });
    expect(screen.getAllByRole("option").map((o) => o.textContent?.trim())).toEqual(["SSO Feature"]);
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onrun).toHaveBeenCalledWith(expect.objectContaining({ command: { kind: "feature", id: "2" } }));
  });

  it("says when nothing matches, and closes with Esc", async () => {
    const { onrun, onclose, input } = setup();
    await fireEvent.input(input, { target: { value: "zzz" } });
    expect(screen.getByText("Nothing matches “zzz”.")).toBeTruthy();
    await fireEvent.keyDown(input, { key: "Enter" });
    expect(onrun).not.toHaveBeenCalled();
    await fireEvent.keyDown(input, { key: "Escape" });
    expect(onclose).toHaveBeenCalledOnce();
  });
});
