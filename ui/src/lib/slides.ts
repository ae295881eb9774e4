// Present mode's deck: which slides a plan makes, and what each key does.

export type Slide = "title" | "vision" | "canvas" | "traction" | "roadmap" | "priorities" | "check";

export const slideTitles: Record<Slide, string> = {
  title: "Title",
  vision: "Vision & strategy",
  canvas: "Lean Canvas",
  traction: "Traction",
  roadmap: "Roadmap",
  priorities: "Top priorities",
  check: "Plan check",
};

/** Every plan gets the whole deck; an empty part says so on its slide rather than vanish. */
export function deck(): Slide[] {
  return ["title", "vision", "canvas", "traction", "roadmap", "priorities", "check"];
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
