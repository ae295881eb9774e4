// Dates as Keel shows and takes them everywhere: ISO (2026-12-01), the way the core, the tables,
// the exports and the plan check write them — never the system's "12/01/2026" in one place and
// "2026-12-01" in another.

export type ParsedDate = { value: string } | { error: string };

/** A date as typed ("2026-12-01", or "2026-1-5" for 2026-01-05), checked to exist. */
export function parseDate(label: string, text: string): ParsedDate {
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(text);
  const wrong = { error: `${label}: write the date as year-month-day, such as 2026-12-01.` };
  if (!m) return wrong;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const at = new Date(Date.UTC(y, mo - 1, d));
  if (at.getUTCFullYear() !== y || at.getUTCMonth() !== mo - 1 || at.getUTCDate() !== d) {
    return { error: `${label}: ${m[1]}-${m[2]}-${m[3]} is not a day of the calendar.` };
  }
  return { value: `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}` };
}

/** What a date field shows as its hint. */
export const DATE_PLACEHOLDER = "YYYY-MM-DD";

/** A moment as the founder's clock shows it, written the same way: "2026-11-27 10:00". */
export function localDateTime(at: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())} ${two(at.getHours())}:${two(at.getMinutes())}`;
}
