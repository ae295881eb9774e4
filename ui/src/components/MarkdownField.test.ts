import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import MarkdownField from "./MarkdownField.svelte";

describe("MarkdownField", () => {
  it("previews Markdown and shows raw HTML as text", () => {
    const { container } = render(MarkdownField, {
      label: "Vision",
      value: "**Bold** <img src=x onerror=alert(1)> <script>alert(2)</script>",
      onsave: () => {},
    });
    expect(container.querySelector("strong")?.textContent).toBe("Bold");
    expect(container.querySelector("img")).toBeNull();
    expect(container.querySelector("script")).toBeNull();
    expect(container.textContent).toContain("<img src=x onerror=alert(1)>");
  });

  it("saves what was written when it loses focus", async () => {
    const saved: string[] = [];
    render(MarkdownField, { label: "Strategy", value: "", onsave: (v: string) => saved.push(v) });
    await fireEvent.click(screen.getByRole("button", { name: "Write" }));
    const box = screen.getByRole("textbox");
    await fireEvent.input(box, { target: { value: "1. Win SaaS teams" } });
    await fireEvent.blur(box);
    expect(saved).toEqual(["1. Win SaaS teams"]);
  });

  it("puts the cursor in the text when a canvas box's Edit is chosen", async () => {
    render(MarkdownField, { label: "Problem", value: "- Slow", compact: true, lines: true, onsave: () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "Edit Problem" }));
    const text = screen.getByRole("textbox");
    expect(document.activeElement).toBe(text);
  });
});
