import { describe, expect, it } from "vitest";
import { actionFor, sections, shortcuts } from "./shortcuts";

const press = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}) =>
  actionFor({ key, ctrlKey: mods.ctrl ?? false, metaKey: false, shiftKey: mods.shift ?? false });

describe("actionFor", () => {
  it("maps the file, edit and navigation shortcuts", () => {
    expect(press("n", { ctrl: true })).toBe("new-plan");
    expect(press("N", { ctrl: true, shift: true })).toBe("new-feature");
    expect(press("o", { ctrl: true })).toBe("open-plan");
    expect(press("S", { ctrl: true, shift: true })).toBe("save-as");
    expect(press("s", { ctrl: true })).toBeNull();
    expect(press("z", { ctrl: true })).toBe("undo");
    expect(press("Z", { ctrl: true, shift: true })).toBe("redo");
    expect(press("f", { ctrl: true })).toBe("search");
    expect(press("5", { ctrl: true })).toEqual({ section: "features" });
    expect(press("4", { ctrl: true })).toEqual({ section: "roadmap" });
    expect(press("F5")).toBe("present");
    expect(press("F1")).toBe("help");
  });

  it("leaves plain typing alone", () => {
    expect(press("z")).toBeNull();
    expect(press("3")).toBeNull();
  });

  it("lists every section in the help", () => {
    for (const s of sections) expect(shortcuts.map((x) => x.what)).toContain(`Go to ${s.label}`);
  });
});
