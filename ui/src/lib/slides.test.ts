import { describe, expect, it } from "vitest";
import { deck, slideTitles, step } from "./slides";

describe("deck", () => {
  it("runs from the title to the plan check, each slide named", () => {
    const slides = deck();
    expect(slides[0]).toBe("title");
    expect(slides.at(-1)).toBe("check");
    expect(slides).toContain("traction");
    expect(slides).toContain("roadmap");
    for (const s of slides) expect(slideTitles[s]).toBeTruthy();
    expect(slides).not.toContain("teams");
  });

  it("shows the teams' portfolio before the plan check at the Scaling and Enterprise stages", () => {
    const slides = deck(true);
    expect(slides.at(-2)).toBe("teams");
    expect(slides.at(-1)).toBe("check");
    expect(slideTitles.teams).toBe("Teams");
  });
});

describe("step", () => {
  it("moves forward with arrows and space, back with shift+space, and stops at the ends", () => {
    expect(step(0, "ArrowRight", 7)).toBe(1);
    expect(step(0, " ", 7)).toBe(1);
    expect(step(3, " ", 7, true)).toBe(2);
    expect(step(3, "ArrowLeft", 7)).toBe(2);
    expect(step(6, "ArrowRight", 7)).toBeNull();
    expect(step(0, "ArrowLeft", 7)).toBeNull();
    expect(step(4, "Home", 7)).toBe(0);
    expect(step(1, "End", 7)).toBe(6);
  });

  it("leaves on Esc and ignores other keys", () => {
    expect(step(2, "Escape", 7)).toBe("leave");
    expect(step(2, "x", 7)).toBeNull();
  });
});
