import { describe, expect, it } from "vitest";
import { changeCount, formatValue } from "./format";

describe("format", () => {
  it("writes values in the plan's currency or as counts", () => {
    expect(formatValue({ kind: "currency", code: "USD", metric: "ARR" }, 27_300)).toBe("$27,300 ARR");
    expect(formatValue({ kind: "currency", code: "CHF", metric: "MRR" }, 1_240_000)).toBe("1.2M CHF MRR");
    expect(formatValue({ kind: "count", noun: "customers" }, 41)).toBe("41 customers");
  });
});

describe("changeCount", () => {
  it("says one change, or how many", () => {
    expect(changeCount(1)).toBe("1 change");
    expect(changeCount(14)).toBe("14 changes");
  });
});
