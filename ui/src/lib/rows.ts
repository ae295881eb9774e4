// The feature table's rows, in the order the table shows them.
import type { Feature, RankedFeature } from "../bindings";

/** The ranked features in rank order (`inRankOrder`, the ranking sorted by rank), then the
 * features the ranking leaves out (done, dropped) in their manual order; only `features` are
 * shown. One pass over the plan, no sort of it: it runs after every edit. */
export function tableRows(
  features: Feature[],
  inRankOrder: RankedFeature[],
  ranked: Map<string, RankedFeature>,
): Feature[] {
  const shown = new Map(features.map((f) => [f.id, f]));
  const rows: Feature[] = [];
  for (const r of inRankOrder) {
    const f = shown.get(r.id);
    if (f !== undefined) rows.push(f);
  }
  const rest = features.filter((f) => !ranked.has(f.id));
  rest.sort((a, b) => a.position - b.position);
  return rows.concat(rest);
}
