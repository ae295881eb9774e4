import { describe, expect, it } from "vitest";
import { localDateTime, parseDate } from "./dates";

describe("dates", () => {
  it("takes ISO dates, padding a short month or day", () => {
    expect(parseDate("Date", "2026-12-01")).toEqual({ value: "2026-12-01" });
    expect(parseDate("Date", " 2026-1-5 ")).toEqual({ value: "2026-01-05" });
    expect(parseDate("Date", "2028-02-29")).toEqual({ value: "2028-02-29" });
  });

  it("refuses another format and days that do not exist, saying how to write it", () => {
    expect(parseDate("Deadline", "12/01/2026")).toEqual({
      error: "Deadline: write the date as year-month-day, such as 2026-12-01.",
    });
    expect(parseDate("Deadline", "")).toHaveProperty("error");
    expect(parseDate("Date", "2026-02-30")).toEqual({ error: "Date: 2026-02-30 is not a day of the calendar." });
    expect(parseDate("Date", "2026-13-01")).toHaveProperty("error");
  });

  it("writes a moment in the founder's time zone, ISO-style", () => {
    expect(localDateTime(new Date(2026, 10, 27, 9, 5))).toBe("2026-11-27 09:05");
  });
});
