// Numbers and traction figures as the founder reads them. The core computes; this only words.
import type { MetricUnit } from "../bindings";

const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** Numbers from the core are finite, but JSON carries them as `number | null`. */
export function formatValue(unit: MetricUnit, value: number | null): string {
  if (value === null) return "—";
  const amount = value >= 1_000_000 ? `${(value / 1_000_000).toFixed(1).replace(/\.0$/, "")}M` : whole.format(value);
  if (unit.kind === "count") return `${amount} ${unit.noun}`;
  const symbol: Record<string, string> = { USD: "$", EUR: "€", GBP: "£" };
  const sign = symbol[unit.code];
  return sign ? `${sign}${amount} ${unit.metric}` : `${amount} ${unit.code} ${unit.metric}`;
}

export const statusWord = { ahead: "Ahead", on_track: "On track", behind: "Behind" } as const;

/** "1 change", "14 changes": how many changes came in from a teammate. */
export function changeCount(n: number): string {
  return n === 1 ? "1 change" : `${n} changes`;
}
