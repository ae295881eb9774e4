import { afterEach, describe, expect, it } from "vitest";
import { applyTheme, chosenTheme, isDark } from "./theme";

afterEach(() => localStorage.clear());

describe("the theme", () => {
  it("follows the system until the founder chooses, and keeps the choice", () => {
    expect(chosenTheme()).toBe("system");
    expect(isDark("system", true)).toBe(true);
    expect(isDark("system", false)).toBe(false);
    expect(isDark("light", true)).toBe(false);
    expect(isDark("dark", false)).toBe(true);

    const root = document.createElement("div");
    applyTheme("dark", root);
    expect(root.dataset.theme).toBe("dark");
    expect(chosenTheme()).toBe("dark");
    applyTheme("light", root);
    expect(root.dataset.theme).toBe("light");
    applyTheme("system", root);
    expect(chosenTheme(), "the system's again: nothing kept").toBe("system");
  });
});
