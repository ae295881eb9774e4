// The keyboard: one table for the help overlay and for what the keys do.

export type Section =
  "overview" | "vision" | "traction" | "roadmap" | "features" | "teams" | "check" | "history" | "export";

export const sections: { id: Section; label: string; key: string }[] = [
  { id: "overview", label: "Overview", key: "1" },
  { id: "vision", label: "Vision & Strategy", key: "2" },
  { id: "traction", label: "Traction", key: "3" },
  { id: "roadmap", label: "Roadmap", key: "4" },
  { id: "features", label: "Features", key: "5" },
  { id: "teams", label: "Teams", key: "6" },
  { id: "check", label: "Plan check", key: "7" },
  { id: "export", label: "Export", key: "8" },
  { id: "history", label: "History", key: "9" },
];

export type Action =
  | "new-plan"
  | "open-plan"
  | "save-as"
  | "search"
  | "new-feature"
  | "undo"
  | "redo"
  | "help"
  | "present"
  | "palette"
  | { section: Section };

/** What a key press asks for, or null when it is not one of Keel's shortcuts. */
export function actionFor(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey">): Action | null {
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (e.key === "F1") return "help";
  if (e.key === "F5") return "present";
  if (!ctrl) return null;
  if (key === "z") return e.shiftKey ? "redo" : "undo";
  if (key === "y") return "redo";
  if (key === "n") return e.shiftKey ? "new-feature" : "new-plan";
  if (key === "o" && !e.shiftKey) return "open-plan";
  if (key === "s" && e.shiftKey) return "save-as";
  if (key === "f" && !e.shiftKey) return "search";
  if (key === "/") return "help";
  if (key === "k" && !e.shiftKey) return "palette";
  const section = sections.find((s) => s.key === e.key);
  return section ? { section: section.id } : null;
}

export const shortcuts: { what: string; keys: string }[] = [
  { what: "Command palette: every action, and features by title", keys: "Ctrl+K" },
  { what: "New plan", keys: "Ctrl+N" },
  { what: "Open plan", keys: "Ctrl+O" },
  { what: "Save plan as", keys: "Ctrl+Shift+S" },
  { what: "New feature", keys: "Ctrl+Shift+N" },
  { what: "Search features", keys: "Ctrl+F" },
  { what: "Undo", keys: "Ctrl+Z" },
  { what: "Redo", keys: "Ctrl+Shift+Z" },
  ...sections.map((s) => ({ what: `Go to ${s.label}`, keys: `Ctrl+${s.key}` })),
  { what: "Present the plan", keys: "F5" },
  { what: "Move a roadmap card", keys: "Alt+Arrows" },
  { what: "Close panel, dialog or presentation", keys: "Esc" },
  { what: "This list", keys: "F1 or ?" },
];
