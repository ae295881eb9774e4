import { describe, expect, it } from "vitest";
import type { Feature } from "../bindings";
import { featureData } from "../testing/features";
import { labelledQuarters, layout, markerName } from "./timeline";

const f = (id: number, start: string | null, end: string | null, stage: Feature["data"]["stage"] = "mvp"): Feature => ({
  id: String(id),
  position: id,
  data: featureData(`F${id}`, { start_date: start, end_date: end, stage }),
});

describe("layout", () => {
  it("spans whole quarters from the earliest to the latest date and places bars inside", () => {
    const l = layout([f(1, "2026-02-01", "2026-03-31"), f(2, "2026-08-15", "2026-09-30", "scaling")], [], "2026-05-01");
    expect(l.quarters.map((q) => q.label)).toEqual(["Q1 2026", "Q2 2026", "Q3 2026"]);
    const [bar] = l.bars.mvp;
    expect(bar?.x0).toBeGreaterThan(0);
    expect(bar?.x1).toBeCloseTo(1 / 3, 2);
    expect(l.bars.scaling).toHaveLength(1);
    expect(l.today).toBeGreaterThan(1 / 3);
    expect(l.today).toBeLessThan(2 / 3);
  });

  it("lists undated features beside the timeline and shows milestones as markers", () => {
    const l = layout(
      [f(1, null, null), f(2, "2026-01-10", null), f(3, "2026-01-01", "2026-01-31")],
      [{ id: "1", data: { name: "Year 1", date: "2026-06-30", target: 10, ninety_day_goals: "" } }],
      "2026-01-15",
    );
    expect(l.undated.map((x) => x.id)).toEqual(["1", "2"]);
    expect(l.milestones).toHaveLength(1);
    expect(l.quarters.at(-1)?.label).toBe("Q2 2026");
  });

  it("marks where the company plans to change stage, and stretches to show it", () => {
    const l = layout([f(1, "2026-02-01", "2026-03-31")], [], "2026-02-15", {
      scaling_from: "2026-09-01",
      enterprise_from: null,
    });
    expect(l.quarters.map((q) => q.label)).toEqual(["Q1 2026", "Q2 2026", "Q3 2026"]);
    expect(l.stageChanges).toHaveLength(1);
    expect(l.stageChanges[0]?.stage).toBe("scaling");
    expect(l.stageChanges[0]?.x).toBeGreaterThan(2 / 3);
    expect(layout([f(1, "2026-02-01", "2026-03-31")], [], "2026-02-15").stageChanges).toEqual([]);
  });
});

describe("the timeline's axis", () => {
  const quarters = Array.from({ length: 12 }, (_, i) => ({
    label: `Q${(i % 4) + 1} ${2026 + Math.floor(i / 4)}`,
    start: i / 12,
  }));

  it("labels every quarter when there is room, and never one cut at the right edge", () => {
    expect(labelledQuarters(quarters, 1200)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // 12 quarters in 640 px: 53 px each, too narrow for a 64 px label: every second one.
    expect(labelledQuarters(quarters, 640)).toEqual([0, 2, 4, 6, 8, 10]);
    // The last quarter's label would pass the edge when it is narrower than its label.
    const three = [0, 1, 2].map((i) => ({ label: `Q${i + 1} 2026`, start: i / 3 }));
    expect(labelledQuarters(three, 150)).toEqual([0]);
    expect(labelledQuarters(three, 200), "67 px each: every label fits").toEqual([0, 1, 2]);
  });

  it("writes a marker's short name on its line", () => {
    expect(markerName("Year 1: MSC ÷ 100")).toBe("Year 1");
    expect(markerName("Seed round")).toBe("Seed round");
  });
});
