import { describe, expect, it } from "vitest";
import { featureData } from "../testing/features";
import { actions, entries, FEATURES_LISTED } from "./palette";

const features = ["Pricing page", "Concierge onboarding", "SSO for enterprise", "Pricing experiment"].map((t, i) => ({
  id: String(i + 1),
  position: i + 1,
  data: featureData(t),
}));

describe("the command palette's entries", () => {
  it("lists every action with its shortcut when nothing is typed", () => {
    const all = entries("", features);
    expect(all).toBe(actions);
    expect(all.find((e) => e.label === "Go to Traction")?.keys).toBe("Ctrl+3");
    expect(all.find((e) => e.label === "Undo")?.keys).toBe("Ctrl+Z");
    expect(new Set(all.map((e) => e.key)).size, "keys are unique").toBe(all.length);
  });

  it("finds actions and features by every word typed, actions first", () => {
    const found = entries("pric", features);
    expect(found.map((e) => e.label)).toEqual(["Pricing page", "Pricing experiment"]);
    expect(found[0]?.command).toEqual({ kind: "feature", id: "1" });
    expect(entries("export pdf", features).map((e) => e.label)).toEqual([
      "Export PDF for investors…",
      "Export investor update (PDF)…",
    ]);
    expect(entries("RECORD", features).map((e) => e.key)).toEqual(["record-actual", "record-factory-week"]);
    expect(entries("nothing like this", features)).toEqual([]);
  });

  it("lists a bounded number of features", () => {
    const many = Array.from({ length: 50 }, (_, i) => ({
      id: String(i),
      position: i + 1,
      data: featureData(`Idea ${i}`),
    }));
    expect(entries("idea", many)).toHaveLength(FEATURES_LISTED);
  });
});
