// The traction chart's data: actuals, the ladder's milestones and its expected curve as points
// in time. On a log scale values at or below zero cannot be drawn and are left out.
import type { ActualData, DatedValue, Item, MilestoneData } from "../bindings";

export interface Point {
  x: number;
  y: number;
}

export interface ChartSeries {
  actuals: Point[];
  expected: Point[];
  milestones: (Point & { label: string })[];
  /** Today, when it falls within the chart. */
  today: number | null;
}

/** Midnight UTC of an ISO date, in milliseconds. */
export function time(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

export function chartSeries(
  actuals: Item<ActualData>[],
  milestones: Item<MilestoneData>[],
  curve: DatedValue[],
  today: string,
  log: boolean,
): ChartSeries {
  const drawable = (v: number | null): v is number => v !== null && Number.isFinite(v) && (!log || v > 0);
  const points = (list: { date: string; value: number | null }[]) =>
    list
      .filter((p) => drawable(p.value))
      .map((p) => ({ x: time(p.date), y: p.value as number }))
      .sort((a, b) => a.x - b.x);
  const all = [
    ...points(actuals.map((a) => a.data)),
    ...points(curve),
    ...points(milestones.map((m) => ({ date: m.data.date, value: m.data.target }))),
  ];
  const xs = all.map((p) => p.x);
  const now = time(today);
  const within = xs.length > 0 && now >= Math.min(...xs) && now <= Math.max(...xs);
  return {
    actuals: points(actuals.map((a) => a.data)),
    expected: points(curve),
    milestones: milestones
      .filter((m) => drawable(m.data.target))
      .map((m) => ({ x: time(m.data.date), y: m.data.target as number, label: m.data.name })),
    today: within ? now : null,
  };
}

/** Axis labels: "2026" at the turn of a year, else "Jul 2026". */
export function dateLabel(ms: number): string {
  const d = new Date(ms);
  const month = d.toLocaleString("en-US", { month: "short", timeZone: "UTC" });
  return d.getUTCMonth() === 0 ? String(d.getUTCFullYear()) : `${month} ${d.getUTCFullYear()}`;
}

/** Ticks for a time axis: every 1 January, and 1 July too when the span is under four years. */
export function timeTicks(min: number, max: number): number[] {
  const first = new Date(min).getUTCFullYear();
  const last = new Date(max).getUTCFullYear();
  const halves = last - first < 4;
  const ticks: number[] = [];
  for (let y = first; y <= last; y++) {
    for (const m of halves ? [0, 6] : [0]) {
      const t = Date.UTC(y, m, 1);
      if (t >= min && t <= max) ticks.push(t);
    }
  }
  return ticks;
}
