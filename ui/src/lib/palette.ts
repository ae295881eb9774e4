// The command palette's entries: every action of the window's table (lib/actions.ts) with its
// shortcut, and the features by title. This only lists and filters; the workspace runs them.
import type { Feature } from "../bindings";
import { actions as table } from "./actions";

export type Command = { kind: "action"; id: string } | { kind: "feature"; id: string };

export interface Entry {
  /** Unique among the entries. */
  key: string;
  label: string;
  /** The shortcut that does the same, if there is one. */
  keys: string | null;
  command: Command;
}

/** How many features a search lists at most. */
export const FEATURES_LISTED = 8;

export const actions: Entry[] = table.flatMap((a) =>
  a.label === null
    ? []
    : [{ key: a.id, label: a.label, keys: a.keys[0] ?? null, command: { kind: "action", id: a.id } }],
);

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
