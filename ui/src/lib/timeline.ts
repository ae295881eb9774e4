// The timeline's geometry: quarters across, from the earliest date shown to the latest.
import type { Feature, Item, MilestoneData, PlanData, Stage } from "../bindings";
import { time } from "./chartData";

export interface Quarter {
  label: string;
  start: number;
}

export interface Layout {
  start: number;
  end: number;
  quarters: Quarter[];
  /** Dated features by stage lane, each with its bar as fractions of the width. */
  bars: Record<Stage, { feature: Feature; x0: number; x1: number }[]>;
  undated: Feature[];
  milestones: { name: string; x: number }[];
  /** When the company plans to move to the Scaling and Enterprise stages. */
  stageChanges: { stage: Stage; date: string; x: number }[];
  today: number | null;
}

function quarterStart(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), Math.floor(d.getUTCMonth() / 3) * 3, 1));
}

/** Open features with both dates are bars; the rest are listed as undated. */
export function layout(
  features: Feature[],
  milestones: Item<MilestoneData>[],
  today: string,
  plan?: Pick<PlanData, "scaling_from" | "enterprise_from">,
): Layout {
  const changes: { stage: Stage; date: string }[] = [];
  if (plan?.scaling_from) changes.push({ stage: "scaling", date: plan.scaling_from });
  if (plan?.enterprise_from) changes.push({ stage: "enterprise", date: plan.enterprise_from });
  const open = features.filter((f) => f.data.status !== "done" && f.data.status !== "dropped");
  const dated = open.filter((f) => f.data.start_date !== null && f.data.end_date !== null);
  const undated = open.filter((f) => f.data.start_date === null || f.data.end_date === null);
  const now = time(today);
  const times = [
    now,
    ...dated.flatMap((f) => [time(f.data.start_date ?? today), time(f.data.end_date ?? today)]),
    ...milestones.map((m) => time(m.data.date)),
    ...changes.map((c) => time(c.date)),
  ];
  const start = quarterStart(Math.min(...times)).getTime();
  const lastQuarter = quarterStart(Math.max(...times));
  const end = Date.UTC(lastQuarter.getUTCFullYear(), lastQuarter.getUTCMonth() + 3, 1);
  const frac = (ms: number) => (ms - start) / (end - start);
  const quarters: Quarter[] = [];
  for (let d = new Date(start); d.getTime() < end; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 3, 1))) {
    quarters.push({ label: `Q${Math.floor(d.getUTCMonth() / 3) + 1} ${d.getUTCFullYear()}`, start: frac(d.getTime()) });
  }
  const bars: Layout["bars"] = { mvp: [], scaling: [], enterprise: [] };
  for (const f of dated) {
    const x0 = frac(time(f.data.start_date ?? today));
    // An end date is inclusive: the bar covers that whole day.
    const x1 = frac(time(f.data.end_date ?? today) + 86_400_000);
    bars[f.data.stage].push({ feature: f, x0, x1: Math.max(x1, x0 + 0.004) });
  }
  for (const lane of Object.values(bars)) lane.sort((a, b) => a.x0 - b.x0 || a.x1 - b.x1);
  return {
    start,
    end,
    quarters,
    bars,
    undated,
    milestones: milestones
      .map((m) => ({ name: m.data.name, x: frac(time(m.data.date)) }))
      .filter((m) => m.x >= 0 && m.x <= 1),
    stageChanges: changes.map((c) => ({ ...c, x: frac(time(c.date)) })),
    today: frac(now),
  };
}

/** The quarters whose label is written, for an axis `width` pixels wide: every quarter when
 *  there is room, else every second or third (labels never run together), and none whose
 *  label would be cut at the right edge. */
export function labelledQuarters(quarters: Quarter[], width: number, labelWidth = 64): number[] {
  if (quarters.length === 0 || width <= 0) return quarters.map((_, i) => i);
  const quarterWidth = width / quarters.length;
  const step = Math.max(1, Math.ceil(labelWidth / quarterWidth));
  return quarters.flatMap((q, i) => (i % step === 0 && q.start * width + labelWidth <= width + 1 ? [i] : []));
}

/** A marker's name as written on its line: "Year 1" of "Year 1: MSC ÷ 100". */
export function markerName(name: string): string {
  const short = name.split(":")[0]?.trim() ?? name;
  return short.length > 0 ? short : name;
}
