import { describe, expect, it } from "vitest";
import { patches } from "../testing/recorded/patches";
import { patchFeatures } from "./patch";

describe("patchFeatures against the real core", () => {
  it("turns the features before each recorded edit into the features the core read after it", () => {
    expect(patches.length).toBeGreaterThan(5);
    for (const [i, c] of patches.entries()) {
      expect(patchFeatures(c.before, c.changes), `edit ${i + 1}`).toEqual(c.after);
    }
  });
});
