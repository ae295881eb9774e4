// The command palette's entries: every action of the app with its shortcut, and the features
// by title. What an entry does is the app's (App.svelte runs it); this only lists and filters.
import type { ExportFormat, Feature } from "../bindings";
import { sections, type Section } from "./shortcuts";
import type { Theme } from "./theme";

export type Command =
  | { kind: "section"; section: Section }
  | { kind: "new-feature" }
  | { kind: "record-actual" }
  | { kind: "record-factory-week" }
  | { kind: "mark-version" }
  | { kind: "export"; format: ExportFormat }
  | { kind: "present" }
  | { kind: "undo" }
  | { kind: "redo" }
  | { kind: "new-plan" }
  | { kind: "open-plan" }
  | { kind: "save-as" }
  | { kind: "merge" }
  | { kind: "sync" }
  | { kind: "help" }
  | { kind: "compare" }
  | { kind: "theme"; theme: Theme }
  | { kind: "feature"; id: string };

export interface Entry {
  /** Unique among the entries. */
  key: string;
  label: string;
  /** The shortcut that does the same, if there is one. */
  keys: string | null;
  command: Command;
}

/** The palette's own shortcut. */
export const PALETTE_KEYS = "Ctrl+K";

/** How many features a search lists at most. */
export const FEATURES_LISTED = 8;

export const actions: Entry[] = [
  ...sections.map((s) => ({
    key: `section-${s.id}`,
    label: `Go to ${s.label}`,
    keys: `Ctrl+${s.key}`,
    command: { kind: "section", section: s.id } as const,
  })),
  { key: "new-feature", label: "New feature", keys: "Ctrl+Shift+N", command: { kind: "new-feature" } },
  { key: "record-actual", label: "Record an actual", keys: null, command: { kind: "record-actual" } },
  {
    key: "record-factory-week",
    label: "Record a factory week",
    keys: null,
    command: { kind: "record-factory-week" },
  },
  { key: "mark-version", label: "Mark a version", keys: null, command: { kind: "mark-version" } },
  { key: "compare", label: "Compare versions", keys: null, command: { kind: "compare" } },
  { key: "export-pdf", label: "Export PDF for investors…", keys: null, command: { kind: "export", format: "pdf" } },
  { key: "export-md", label: "Export Markdown…", keys: null, command: { kind: "export", format: "markdown" } },
  { key: "export-json", label: "Export JSON…", keys: null, command: { kind: "export", format: "json" } },
  { key: "export-csv", label: "Export CSV…", keys: null, command: { kind: "export", format: "csv" } },
  {
    key: "export-update-pdf",
    label: "Export investor update (PDF)…",
    keys: null,
    command: { kind: "export", format: "update_pdf" },
  },
  {
    key: "export-update-md",
    label: "Export investor update (Markdown)…",
    keys: null,
    command: { kind: "export", format: "update_markdown" },
  },
  { key: "present", label: "Present the plan", keys: "F5", command: { kind: "present" } },
  { key: "undo", label: "Undo", keys: "Ctrl+Z", command: { kind: "undo" } },
  { key: "redo", label: "Redo", keys: "Ctrl+Shift+Z", command: { kind: "redo" } },
  { key: "new-plan", label: "New plan…", keys: "Ctrl+N", command: { kind: "new-plan" } },
  { key: "open-plan", label: "Open plan…", keys: "Ctrl+O", command: { kind: "open-plan" } },
  { key: "save-as", label: "Save plan as…", keys: "Ctrl+Shift+S", command: { kind: "save-as" } },
  { key: "merge", label: "Merge a teammate's copy…", keys: null, command: { kind: "merge" } },
  { key: "sync", label: "Sync through a shared folder…", keys: null, command: { kind: "sync" } },
  { key: "help", label: "Keyboard shortcuts", keys: "F1", command: { kind: "help" } },
  { key: "theme-light", label: "Theme: light", keys: null, command: { kind: "theme", theme: "light" } },
  { key: "theme-dark", label: "Theme: dark", keys: null, command: { kind: "theme", theme: "dark" } },
  {
    key: "theme-system",
    label: "Theme: follow the system",
    keys: null,
    command: { kind: "theme", theme: "system" },
  },
];

/** Whether every word of `query` appears in `text` (case ignored). */
function matches(text: string, words: string[]): boolean {
  const t = text.toLowerCase();
  return words.every((w) => t.includes(w));
}

/** The entries for what the founder typed: matching actions first, then matching features
 *  (by title, at most FEATURES_LISTED); with nothing typed, every action. */
export function entries(query: string, features: readonly Feature[]): Entry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return actions;
  const found = actions.filter((a) => matches(a.label, words));
  const titled: Entry[] = [];
  for (const f of features) {
    if (titled.length >= FEATURES_LISTED) break;
    if (matches(f.data.title, words)) {
      titled.push({ key: `feature-${f.id}`, label: f.data.title, keys: null, command: { kind: "feature", id: f.id } });
    }
  }
  return [...found, ...titled];
}
