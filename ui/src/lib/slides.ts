// Present mode's deck: which slides a plan makes, and what each key does.

export type Slide = "title" | "vision" | "canvas" | "traction" | "roadmap" | "priorities" | "teams" | "check";

export const slideTitles: Record<Slide, string> = {
  title: "Title",
  vision: "Vision & strategy",
  canvas: "Lean Canvas",
  traction: "Traction",
  roadmap: "Roadmap",
  priorities: "Top priorities",
  teams: "Teams",
  check: "Plan check",
};

/** Every plan gets the whole deck; an empty part says so on its slide rather than vanish. At the
 *  Scaling and Enterprise stages the teams' portfolio is a slide of its own, before the check. */
export function deck(portfolio = false): Slide[] {
  const teams: Slide[] = portfolio ? ["teams"] : [];
  return ["title", "vision", "canvas", "traction", "roadmap", "priorities", ...teams, "check"];
}

/** The slide a key leads to, "leave" for Esc, or null when the key does nothing. */
export function step(index: number, key: string, count: number, shift = false): number | "leave" | null {
  if (key === "Escape") return "leave";
  const last = count - 1;
  if (["ArrowRight", "ArrowDown", "PageDown", "Enter"].includes(key) || (key === " " && !shift)) {
    return index < last ? index + 1 : null;
  }
  if (["ArrowLeft", "ArrowUp", "PageUp", "Backspace"].includes(key) || (key === " " && shift)) {
    return index > 0 ? index - 1 : null;
  }
  if (key === "Home") return 0;
  if (key === "End") return last;
  return null;
}
