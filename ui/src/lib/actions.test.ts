import { describe, expect, it } from "vitest";
import { actionFor, actions, pressed, shortcuts, type Actor } from "./actions";
import { actions as paletteEntries } from "./palette";
import { sections } from "./sections";

const press = (key: string, mods: { ctrl?: boolean; shift?: boolean } = {}, typing = false) =>
  actionFor({ key, ctrlKey: mods.ctrl ?? false, metaKey: false, shiftKey: mods.shift ?? false }, typing)?.id ?? null;

describe("the action table", () => {
  it("maps the file, edit and navigation shortcuts", () => {
    expect(press("n", { ctrl: true })).toBe("new-plan");
    expect(press("N", { ctrl: true, shift: true })).toBe("new-feature");
    expect(press("o", { ctrl: true })).toBe("open-plan");
    expect(press("S", { ctrl: true, shift: true })).toBe("save-as");
    expect(press("s", { ctrl: true })).toBeNull();
    expect(press("z", { ctrl: true })).toBe("undo");
    expect(press("Z", { ctrl: true, shift: true })).toBe("redo");
    expect(press("y", { ctrl: true })).toBe("redo");
    expect(press("f", { ctrl: true })).toBe("search");
    expect(press("k", { ctrl: true })).toBe("palette");
    expect(press("5", { ctrl: true })).toBe("section-features");
    expect(press("4", { ctrl: true })).toBe("section-roadmap");
    expect(press("F5")).toBe("present");
    expect(press("F1")).toBe("help");
    expect(press("?", { shift: true })).toBe("help");
  });

  it("leaves plain typing, and a text field's own undo, to the field", () => {
    expect(press("z")).toBeNull();
    expect(press("3")).toBeNull();
    expect(press("z", { ctrl: true }, true), "the field's undo").toBeNull();
    expect(press("?", { shift: true }, true), "a typed question mark").toBeNull();
    expect(press("F1", {}, true), "F1 still opens the help").toBe("help");
    expect(press("s", { ctrl: true, shift: true }, true)).toBe("save-as");
  });

  it("reads each key combination as written, shift counting for letters", () => {
    const at = (key: string, ctrl: boolean, shift: boolean) => ({
      key,
      ctrlKey: ctrl,
      metaKey: false,
      shiftKey: shift,
    });
    expect(pressed("Ctrl+Shift+Z", at("Z", true, true))).toBe(true);
    expect(pressed("Ctrl+Z", at("Z", true, true))).toBe(false);
    expect(pressed("Ctrl+/", at("/", true, true))).toBe(true);
    expect(pressed("F5", at("F5", true, false)), "Ctrl+F5 is not F5").toBe(false);
  });

  it("feeds the shortcut help and the palette from the same keys", () => {
    for (const s of sections) {
      expect(shortcuts).toContainEqual({ what: `Go to ${s.label}`, keys: `Ctrl+${s.key}` });
    }
    expect(shortcuts).toContainEqual({ what: "Redo", keys: "Ctrl+Shift+Z or Ctrl+Y" });
    for (const a of actions.filter((x) => x.label !== null)) {
      const entry = paletteEntries.find((e) => e.key === a.id);
      expect(entry?.keys ?? null, a.id).toBe(a.keys[0] ?? null);
    }
    expect(new Set(actions.map((a) => a.id)).size, "ids are unique").toBe(actions.length);
  });

  it("runs what each action names through the window", () => {
    const calls: string[] = [];
    const actor = new Proxy({} as Actor, {
      get:
        (_, name: string) =>
        (...args: unknown[]) =>
          calls.push([name, ...args].join(" ")),
    });
    actions.find((a) => a.id === "export-pdf")?.run(actor);
    actions.find((a) => a.id === "section-teams")?.run(actor);
    actions.find((a) => a.id === "record-actual")?.run(actor);
    expect(calls).toEqual(["exportAs pdf", "show teams", "focusIn traction #actual-value"]);
  });
});
