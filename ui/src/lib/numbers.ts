// Numbers as founders type them: "1200", "1,200", "$50,000", "50k", "1.5M", "€ 2,5 Mio" is not
// one of them, "12.5", "20 %" (rates as percentages). Thousands and decimal separators follow
// the window's locale ("50.000,50" in German), spaces and apostrophes group digits everywhere.

export type Parsed = { value: number | null } | { error: string };

const MULTIPLIERS: Record<string, number> = { k: 1e3, m: 1e6, mm: 1e6, b: 1e9, bn: 1e9 };

/** The decimal separator of `locale` ("." or ","). */
function decimalOf(locale?: string): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(1.5);
  return parts.find((p) => p.type === "decimal")?.value === "," ? "," : ".";
}

/** Empty is "not set"; anything else must be a finite number, or what was not understood is said. */
export function parseNumber(label: string, text: string, percent = false, locale?: string): Parsed {
  const typed = text.trim();
  if (typed === "") return { value: null };
  const decimal = decimalOf(locale);
  const example = decimal === "," ? "50000, 50.000, 50k or 1,5M" : "50000, 50,000, 50k or 1.5M";
  const refused = { error: `${label}: “${typed}” is not a number (write it as ${example}).` };

  let rest = typed.replace(/\s*%$/, "");
  // A currency symbol or code before or after the number.
  rest = rest
    .replace(/^(\p{Sc}|[A-Z]{3}\s)\s*/u, "")
    .replace(/\s*(\p{Sc}|\s[A-Z]{3})$/u, "")
    .trim();
  let sign = 1;
  if (/^[-−]/.test(rest)) {
    sign = -1;
    rest = rest.slice(1).trimStart();
    rest = rest.replace(/^\p{Sc}\s*/u, "");
  }
  let multiplier = 1;
  const suffix = /\s*(k|m|mm|b|bn)$/i.exec(rest);
  if (suffix?.[1] !== undefined) {
    multiplier = MULTIPLIERS[suffix[1].toLowerCase()] ?? 1;
    rest = rest.slice(0, suffix.index);
  }
  const group = decimal === "," ? "." : ",";
  // Spaces (of any width) and apostrophes group digits in every locale.
  const plain = rest.replace(/[\s\u00a0\u202f']/g, "");
  if (!/^(\d+|\d{1,3}(\.\d{3})+|\d{1,3}(,\d{3})+)?([.,]\d+)?$/.test(plain) || !/\d/.test(plain)) return refused;
  const lastDecimal = plain.lastIndexOf(decimal);
  const grouped = plain.split(group).length - 1;
  // "1,200" in English is twelve hundred; so is "1.200" in German.
  const whole = lastDecimal === -1 ? plain : plain.slice(0, lastDecimal);
  const fraction = lastDecimal === -1 ? "" : plain.slice(lastDecimal + 1);
  if (fraction.includes(group) || (grouped > 0 && !/^\d{1,3}([.,]\d{3})*$/.test(whole))) return refused;
  const digits = whole.split(group).join("");
  if (/[.,]/.test(digits)) return refused;
  const value = sign * Number(`${digits === "" ? "0" : digits}.${fraction === "" ? "0" : fraction}`) * multiplier;
  if (!Number.isFinite(value)) return refused;
  return { value: percent ? value / 100 : value };
}

/** A number for an input box: empty for none; rates as percentages. */
export function numberText(value: number | null, percent = false): string {
  if (value === null) return "";
  return String(percent ? Math.round(value * 10_000) / 100 : value);
}
