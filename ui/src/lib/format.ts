// Numbers and traction figures as the founder reads them. The core computes; this only words.
import type { MetricUnit, TractionReport } from "../bindings";

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

/** One line: status, latest actual against the expected value, and the projection. */
export function tractionLine(report: TractionReport): string {
  const p = report.progress;
  if (!p || p.ratio === null) return "No traction recorded against the ladder yet.";
  const head = `${statusWord[p.status]}: ${formatValue(report.unit, p.actual)} on ${p.date} is ${Math.round(
    p.ratio * 100,
  )} % of the ${formatValue(report.unit, p.expected)} expected.`;
  const proj = report.projection;
  if (proj.kind === "reached") {
    return `${head} At the recent growth rate, ${proj.milestone} is reached on ${proj.date}${proj.on_time ? "" : " — later than planned"}.`;
  }
  if (proj.kind === "all_reached") return `${head} Every milestone is reached.`;
  return `${head} ${proj.why}`;
}

/** "1 change", "14 changes": how many changes came in from a teammate. */
export function changeCount(n: number): string {
  return n === 1 ? "1 change" : `${n} changes`;
}
