// Every action of the window, once: its name, its keys and what it runs. The keyboard, the
// command palette and the shortcut help all read this table.
import type { ExportFormat } from "../bindings";
import { sections, type Section } from "./sections";
import type { Theme } from "./theme";

/** What an action asks of the window (the workspace does it). */
export interface Actor {
  show(section: Section): void;
  /** Shows `section` and focuses the field `selector` names once it is there. */
  focusIn(section: Section, selector: string): void;
  newFeature(): void;
  search(): void;
  exportAs(format: ExportFormat): void;
  present(): void;
  undo(): void;
  redo(): void;
  newPlan(): void;
  openPlan(): void;
  saveAs(): void;
  merge(): void;
  linkSync(): void;
  openHelp(): void;
  openPalette(): void;
  setTheme(theme: Theme): void;
}

export interface Action {
  id: string;
  /** Its entry in the command palette; null when it is not listed there (the palette itself). */
  label: string | null;
  /** Its line in the shortcut help, when that says it otherwise than the palette. */
  help?: string;
  /** The keys that run it, as the help and the palette write them ("Ctrl+Shift+Z"). */
  keys: string[];
  /** Text fields keep these keys for themselves (their own undo). */
  notWhileTyping?: boolean;
  run: (actor: Actor) => void;
}

const exportAction = (id: string, label: string, format: ExportFormat): Action => ({
  id,
  label,
  keys: [],
  run: (a) => a.exportAs(format),
});

export const actions: Action[] = [
  {
    id: "palette",
    label: null,
    help: "Command palette: every action, and features by title",
    keys: ["Ctrl+K"],
    run: (a) => a.openPalette(),
  },
  ...sections.map((s): Action => ({
    id: `section-${s.id}`,
    label: `Go to ${s.label}`,
    keys: [`Ctrl+${s.key}`],
    run: (a) => a.show(s.id),
  })),
  { id: "new-feature", label: "New feature", keys: ["Ctrl+Shift+N"], run: (a) => a.newFeature() },
  { id: "search", label: null, help: "Search features", keys: ["Ctrl+F"], run: (a) => a.search() },
  {
    id: "record-actual",
    label: "Record an actual",
    keys: [],
    run: (a) => a.focusIn("traction", "#actual-value"),
  },
  {
    id: "record-factory-week",
    label: "Record a factory week",
    keys: [],
    run: (a) => a.focusIn("traction", "#factory-acquisition"),
  },
  {
    id: "mark-version",
    label: "Mark a version",
    keys: [],
    run: (a) => a.focusIn("history", "[data-focus=mark-version]"),
  },
  { id: "compare", label: "Compare versions", keys: [], run: (a) => a.focusIn("history", "[data-focus=compare]") },
  exportAction("export-pdf", "Export PDF for investors…", "pdf"),
  exportAction("export-md", "Export Markdown…", "markdown"),
  exportAction("export-json", "Export JSON…", "json"),
  exportAction("export-csv", "Export CSV…", "csv"),
  exportAction("export-update-pdf", "Export investor update (PDF)…", "update_pdf"),
  exportAction("export-update-md", "Export investor update (Markdown)…", "update_markdown"),
  { id: "present", label: "Present the plan", keys: ["F5"], run: (a) => a.present() },
  { id: "undo", label: "Undo", keys: ["Ctrl+Z"], notWhileTyping: true, run: (a) => a.undo() },
  { id: "redo", label: "Redo", keys: ["Ctrl+Shift+Z", "Ctrl+Y"], notWhileTyping: true, run: (a) => a.redo() },
  { id: "new-plan", label: "New plan…", keys: ["Ctrl+N"], run: (a) => a.newPlan() },
  { id: "open-plan", label: "Open plan…", keys: ["Ctrl+O"], run: (a) => a.openPlan() },
  { id: "save-as", label: "Save plan as…", keys: ["Ctrl+Shift+S"], run: (a) => a.saveAs() },
  { id: "merge", label: "Merge a teammate's copy…", keys: [], run: (a) => a.merge() },
  { id: "sync", label: "Sync through a shared folder…", keys: [], run: (a) => a.linkSync() },
  {
    id: "help",
    label: "Keyboard shortcuts",
    help: "This list",
    keys: ["F1", "?", "Ctrl+/"],
    run: (a) => a.openHelp(),
  },
  { id: "theme-light", label: "Theme: light", keys: [], run: (a) => a.setTheme("light") },
  { id: "theme-dark", label: "Theme: dark", keys: [], run: (a) => a.setTheme("dark") },
  { id: "theme-system", label: "Theme: follow the system", keys: [], run: (a) => a.setTheme("system") },
];

type Press = Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey">;

/** Whether `press` is the key combination `keys` writes ("Ctrl+Shift+Z", "F5", "?"). Shift
 *  counts for letters only: it is how a "?" or a "/" is typed on many keyboards. */
export function pressed(keys: string, press: Press): boolean {
  const parts = keys.split("+");
  const key = parts.at(-1) ?? "";
  const ctrl = parts.includes("Ctrl");
  if ((press.ctrlKey || press.metaKey) !== ctrl) return false;
  if (/^[a-z]$/i.test(key) && press.shiftKey !== parts.includes("Shift")) return false;
  return press.key.toLowerCase() === key.toLowerCase();
}

/** The action a key press asks for, or null when it is none of Keel's shortcuts. In a text
 *  field (`typing`), a plain character is typed and the field keeps its own undo. */
export function actionFor(press: Press, typing = false): Action | null {
  const kept = (a: Action, keys: string) => typing && (a.notWhileTyping === true || keys.length === 1);
  return actions.find((a) => a.keys.some((k) => !kept(a, k) && pressed(k, press))) ?? null;
}

/** The shortcut help: each action with keys, then what components do with their own keys. */
export const shortcuts: { what: string; keys: string }[] = [
  ...actions
    .filter((a) => a.keys.length > 0)
    .map((a) => ({
      what: a.help ?? (a.label ?? a.id).replace(/…$/, ""),
      keys: a.keys.join(" or "),
    })),
  { what: "Move a roadmap card", keys: "Alt+Arrows" },
  { what: "Close panel, dialog or presentation", keys: "Esc" },
];
