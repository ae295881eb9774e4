// How the window takes an edit's answer: the core sends only what changed.
import type { Changes, Feature, Finding, FindingsPatch } from "../bindings";

/** The features after an edit: `changes` upserted and removed, in the order it gives when it gives one. */
export function patchFeatures(features: Feature[], changes: Changes): Feature[] {
  const { features: changed, removed_features: removed, feature_order: order } = changes;
  if (changed.length === 0 && removed.length === 0 && order === null) return features;
  if (removed.length === 0 && order === null) {
    // Edits of features the window holds (the usual answer): each keeps its place.
    const edited = new Map(changed.map((f) => [f.id, f]));
    let found = 0;
    const out = features.map((f) => {
      const now = edited.get(f.id);
      if (now === undefined) return f;
      found += 1;
      return now;
    });
    if (found === edited.size) return out;
  }
  const byId = new Map(features.map((f) => [f.id, f]));
  for (const f of changed) byId.set(f.id, f);
  for (const id of removed) byId.delete(id);
  if (order === null) return features.filter((f) => byId.has(f.id)).map((f) => byId.get(f.id) ?? f);
  const out: Feature[] = [];
  for (const id of order) {
    const f = byId.get(id);
    if (!f) continue;
    const position = out.length + 1;
    out.push(f.position === position ? f : { ...f, position });
  }
  return out;
}

/** The findings after an edit, from those the window holds and the core's patch of them: each
 *  slot is a held finding's position, or the next new one. */
export function patchFindings(held: Finding[], patch: FindingsPatch): Finding[] {
  let next = 0;
  const out: Finding[] = [];
  for (const slot of patch.slots) {
    const finding = slot === null ? patch.new[next++] : held[slot];
    if (finding !== undefined) out.push(finding);
  }
  return out;
}
