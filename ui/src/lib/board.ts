// The roadmap board: which cards go in which column, and what a drop or a key press does to a
// feature (its horizon, and its place in the manual order the ranking breaks ties with).
import type { Feature, Horizon, RankedFeature, Stage } from "../bindings";

export const horizons: Horizon[] = ["now", "next", "later"];
export const stages: Stage[] = ["mvp", "scaling", "enterprise"];

export interface Card {
  feature: Feature;
  rank: RankedFeature | null;
}

/** Open features only (done and dropped ones leave the board), each column in rank order. */
export function columns(features: Feature[], ranking: RankedFeature[]): Record<Horizon, Card[]> {
  const byId = new Map(ranking.map((r) => [r.id, r]));
  const result: Record<Horizon, Card[]> = { now: [], next: [], later: [] };
  for (const feature of features) {
    const rank = byId.get(feature.id) ?? null;
    if (rank) result[feature.data.horizon].push({ feature, rank });
  }
  for (const h of horizons) result[h].sort((a, b) => (a.rank?.rank ?? 0) - (b.rank?.rank ?? 0));
  return result;
}

/** Splits a column into stage lanes (for "group by stage"). */
export function lanes(cards: Card[]): Record<Stage, Card[]> {
  const result: Record<Stage, Card[]> = { mvp: [], scaling: [], enterprise: [] };
  for (const card of cards) result[card.feature.data.stage].push(card);
  return result;
}

export interface Move {
  id: string;
  horizon: Horizon;
  /** The manual position after the move (1-based, as the core's move takes it). */
  position: number;
}

/**
 * Where a feature goes when it is dropped in `horizon` before the card `beforeId` (or at the end
 * of `column` when null). Null when nothing changes.
 */
export function planDrop(feature: Feature, horizon: Horizon, column: Card[], beforeId: string | null): Move | null {
  const from = feature.position;
  const others = column.filter((c) => c.feature.id !== feature.id);
  let position = from;
  if (beforeId !== null && beforeId !== feature.id) {
    const before = others.find((c) => c.feature.id === beforeId)?.feature;
    if (before) position = from < before.position ? before.position - 1 : before.position;
  } else if (beforeId === null && others.length > 0) {
    const last = others[others.length - 1]?.feature;
    if (last) position = from < last.position ? last.position : last.position + 1;
  }
  if (position === from && horizon === feature.data.horizon) return null;
  return { id: feature.id, horizon, position };
}

/** What a key press on a focused card asks for: Alt+arrows move it. */
export function planKey(key: string, feature: Feature, board: Record<Horizon, Card[]>): Move | null {
  const horizon = feature.data.horizon;
  const column = board[horizon];
  const index = column.findIndex((c) => c.feature.id === feature.id);
  if (key === "ArrowLeft" || key === "ArrowRight") {
    const next = horizons[horizons.indexOf(horizon) + (key === "ArrowLeft" ? -1 : 1)];
    return next ? { id: feature.id, horizon: next, position: feature.position } : null;
  }
  if (key === "ArrowUp" && index > 0) return planDrop(feature, horizon, column, column[index - 1]?.feature.id ?? null);
  if (key === "ArrowDown" && index >= 0 && index < column.length - 1) {
    const after = column[index + 2];
    return planDrop(feature, horizon, column, after ? after.feature.id : null);
  }
  return null;
}
