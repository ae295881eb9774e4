import { describe, expect, it } from "vitest";
import { numberText, parseNumber } from "./numbers";

describe("parseNumber", () => {
  it("reads plain numbers, thousands separators and percentages", () => {
    expect(parseNumber("Target", "1,200", false, "en-US")).toEqual({ value: 1200 });
    expect(parseNumber("Rate", "25 %", true, "en-US")).toEqual({ value: 0.25 });
    expect(parseNumber("Rate", "", false, "en-US")).toEqual({ value: null });
    expect(parseNumber("Effort", "12.5", false, "en-US")).toEqual({ value: 12.5 });
    expect(parseNumber("Effort", ".5", false, "en-US")).toEqual({ value: 0.5 });
  });

  it("reads money and counts as founders type them", () => {
    const cases: [string, number][] = [
      ["50k", 50_000],
      ["50K", 50_000],
      ["$50,000", 50_000],
      ["50,000", 50_000],
      ["1.5M", 1_500_000],
      ["$1.5m", 1_500_000],
      ["USD 50,000", 50_000],
      ["50,000 USD", 50_000],
      ["€ 2,000.50", 2000.5],
      ["1 200", 1200],
      ["2bn", 2e9],
      ["-5", -5],
      ["-$300", -300],
    ];
    for (const [typed, value] of cases) expect(parseNumber("Amount", typed, false, "en-US"), typed).toEqual({ value });
  });

  it("follows the locale's separators", () => {
    expect(parseNumber("Betrag", "50.000", false, "de-DE")).toEqual({ value: 50_000 });
    expect(parseNumber("Betrag", "50.000,50 €", false, "de-DE")).toEqual({ value: 50_000.5 });
    expect(parseNumber("Betrag", "1,5M", false, "de-DE")).toEqual({ value: 1_500_000 });
    expect(parseNumber("Bedrag", "12,5", false, "nl-NL")).toEqual({ value: 12.5 });
  });

  it("says what was not understood, with the field's name and forms that work", () => {
    expect(parseNumber("Effort", "three", false, "en-US")).toEqual({
      error: "Effort: “three” is not a number (write it as 50000, 50,000, 50k or 1.5M).",
    });
    for (const typed of ["1e999", "50x", "2,5", "1,2,3", "12..5", "5k5", "k", "$"]) {
      expect(parseNumber("Amount", typed, false, "en-US"), typed).toHaveProperty("error");
    }
    expect(parseNumber("Betrag", "12.5", false, "de-DE")).toEqual({
      error: "Betrag: “12.5” is not a number (write it as 50000, 50.000, 50k or 1,5M).",
    });
  });

  it("writes rates back as percentages", () => {
    expect(numberText(0.255, true)).toBe("25.5");
    expect(numberText(null)).toBe("");
  });
});
