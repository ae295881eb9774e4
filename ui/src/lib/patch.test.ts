import { describe, expect, it } from "vitest";
import { patches } from "../testing/recorded/patches";
import { unchanged } from "../testing/recorded/unchanged";
import { answer } from "../testing/replay";
import { patchFeatures, patchFindings } from "./patch";

describe("patchFeatures against the real core", () => {
  it("turns the features before each recorded edit into the features the core read after it", () => {
    expect(patches.length).toBeGreaterThan(5);
    for (const [i, c] of patches.entries()) {
      expect(patchFeatures(c.before, c.changes), `edit ${i + 1}`).toEqual(c.after);
    }
  });
});

describe("patchFindings against the real core", () => {
  it("rebuilds the findings from those held and the core's patch: one new, the rest in place", () => {
    const held = answer(unchanged, "load_plan").analysis.findings;
    const edited = answer(unchanged, "apply", 1);
    const patch = edited.findings_patch;
    if (!patch) throw new Error("the recording's second edit changed one finding: it comes as a patch");
    expect(edited.analysis.findings, "the new finding comes in the patch only").toEqual([]);
    const now = patchFindings(held, patch);
    expect(now).toHaveLength(held.length);
    expect(now.filter((f) => !held.includes(f)).map((f) => f.message)).toEqual([
      expect.stringContaining("such as “Talk to ten weavers”"),
    ]);
  });
});
