// An answer's part equal to what the window holds keeps the held value: raw state compares by
// identity, so nothing that shows it renders again (a hidden Overview, a chart) when an edit
// changed something else.

/** `held` when `next` is the same value (as the core sent both, in JSON), else `next`. */
export function kept<T>(held: T, next: T): T {
  if (held === next) return held;
  if (held === null || next === null || typeof held !== "object") return next;
  return JSON.stringify(held) === JSON.stringify(next) ? held : next;
}
