// Numbers as founders type them: "", "1200", "1,200", "12.5", "20 %" (rates as percentages).

export type Parsed = { value: number | null } | { error: string };

/** Empty is "not set"; anything else must be a finite number. */
export function parseNumber(label: string, text: string, percent = false): Parsed {
  const trimmed = text.trim().replace(/,/g, "").replace(/\s*%$/, "");
  if (trimmed === "") return { value: null };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { error: `${label}: must be a number.` };
  return { value: percent ? value / 100 : value };
}

/** A number for an input box: empty for none; rates as percentages. */
export function numberText(value: number | null, percent = false): string {
  if (value === null) return "";
  return String(percent ? Math.round(value * 10_000) / 100 : value);
}
