// Light or dark: the founder's choice (kept by this window's storage), or the system's while
// there is none. The stylesheet's dark palette applies under data-theme="dark".

export type Theme = "system" | "light" | "dark";

const KEY = "keel.theme";
const DARK = "(prefers-color-scheme: dark)";

export function chosenTheme(): Theme {
  const kept = globalThis.localStorage?.getItem(KEY);
  return kept === "light" || kept === "dark" ? kept : "system";
}

/** Whether the page shows the dark palette for `theme`. */
export function isDark(theme: Theme, systemDark: boolean): boolean {
  return theme === "dark" || (theme === "system" && systemDark);
}

/** Applies `theme` (and keeps it, unless it is the system's). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === "system") globalThis.localStorage?.removeItem(KEY);
  else globalThis.localStorage?.setItem(KEY, theme);
  const systemDark = globalThis.matchMedia?.(DARK).matches ?? false;
  root.dataset.theme = isDark(theme, systemDark) ? "dark" : "light";
}

/** Applies the chosen theme now, and again whenever the system's changes. */
export function followTheme(): void {
  applyTheme(chosenTheme());
  globalThis.matchMedia?.(DARK).addEventListener?.("change", () => applyTheme(chosenTheme()));
}
