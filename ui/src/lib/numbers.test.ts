import { describe, expect, it } from "vitest";
import { numberText, parseNumber } from "./numbers";

describe("parseNumber", () => {
  it("reads plain numbers, thousands separators and percentages", () => {
    expect(parseNumber("Target", "1,200")).toEqual({ value: 1200 });
    expect(parseNumber("Rate", "25 %", true)).toEqual({ value: 0.25 });
    expect(parseNumber("Rate", "")).toEqual({ value: null });
  });

  it("refuses what is not a number with the field's name", () => {
    expect(parseNumber("Effort", "three")).toEqual({ error: "Effort: must be a number." });
    expect(parseNumber("Effort", "1e999")).toEqual({ error: "Effort: must be a number." });
  });

  it("writes rates back as percentages", () => {
    expect(numberText(0.255, true)).toBe("25.5");
    expect(numberText(null)).toBe("");
  });
});
