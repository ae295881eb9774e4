import { describe, expect, it } from "vitest";
import type { TractionReport } from "../bindings";
import { changeCount, formatValue, tractionLine } from "./format";

const report: TractionReport = {
  unit: { kind: "currency", code: "USD", metric: "ARR" },
  figures: null,
  expected_today: 36_000,
  progress: { date: "2026-11-22", actual: 27_300, expected: 36_445, ratio: 0.749, status: "behind" },
  monthly_growth: 0.2,
  projection: { kind: "reached", milestone: "Year 2: MSC ÷ 10", target: 100_000, date: "2027-07-14", on_time: false },
  factory: null,
  factory_weeks: [],
  factory_focus: null,
};

describe("format", () => {
  it("writes values in the plan's currency or as counts", () => {
    expect(formatValue({ kind: "currency", code: "USD", metric: "ARR" }, 27_300)).toBe("$27,300 ARR");
    expect(formatValue({ kind: "currency", code: "CHF", metric: "MRR" }, 1_240_000)).toBe("1.2M CHF MRR");
    expect(formatValue({ kind: "count", noun: "customers" }, 41)).toBe("41 customers");
  });

  it("says the traction status, the numbers behind it and the projection in one line", () => {
    expect(tractionLine(report)).toBe(
      "Behind: $27,300 ARR on 2026-11-22 is 75 % of the $36,445 ARR expected. At the recent growth rate, Year 2: MSC ÷ 10 is reached on 2027-07-14 — later than planned.",
    );
    expect(tractionLine({ ...report, progress: null })).toBe("No traction recorded against the ladder yet.");
  });
});

describe("changeCount", () => {
  it("says one change, or how many", () => {
    expect(changeCount(1)).toBe("1 change");
    expect(changeCount(14)).toBe("14 changes");
  });
});
