import { describe, expect, it } from "vitest";
import { chartSeries, dateLabel, time, timeTicks } from "./chartData";

const actuals = [
  { id: "2", data: { date: "2026-03-01", value: 2000 } },
  { id: "1", data: { date: "2026-01-01", value: 0 } },
];
const milestones = [{ id: "1", data: { name: "Year 1", date: "2026-12-31", target: 10000, ninety_day_goals: "" } }];
const curve = [
  { date: "2026-01-01", value: 100 },
  { date: "2026-12-31", value: 10000 },
];

describe("chartSeries", () => {
  it("maps actuals, curve and milestones to dated points in time order", () => {
    const s = chartSeries(actuals, milestones, curve, "2026-06-01", false);
    expect(s.actuals).toEqual([
      { x: time("2026-01-01"), y: 0 },
      { x: time("2026-03-01"), y: 2000 },
    ]);
    expect(s.expected.map((p) => p.y)).toEqual([100, 10000]);
    expect(s.milestones).toEqual([{ x: time("2026-12-31"), y: 10000, label: "Year 1" }]);
    expect(s.today).toBe(time("2026-06-01"));
  });

  it("leaves out values a log scale cannot draw", () => {
    const s = chartSeries(actuals, milestones, curve, "2026-06-01", true);
    expect(s.actuals).toEqual([{ x: time("2026-03-01"), y: 2000 }]);
  });

  it("has no today line outside the chart", () => {
    expect(chartSeries(actuals, milestones, curve, "2030-01-01", true).today).toBeNull();
    expect(chartSeries([], [], [], "2026-01-01", true).today).toBeNull();
  });
});

describe("dateLabel", () => {
  it("names the year at its start and the month otherwise", () => {
    expect(dateLabel(time("2027-01-01"))).toBe("2027");
    expect(dateLabel(time("2027-04-01"))).toBe("Apr 2027");
  });
});

describe("timeTicks", () => {
  it("marks each year, and half years over short spans", () => {
    expect(timeTicks(time("2025-05-01"), time("2026-12-31"))).toEqual([
      time("2025-07-01"),
      time("2026-01-01"),
      time("2026-07-01"),
    ]);
    expect(timeTicks(time("2020-02-01"), time("2026-02-01"))).toHaveLength(6);
  });
});
