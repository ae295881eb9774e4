// The core's words for the plan's vocabularies (`LABELS` in the generated bindings, from
// src-tauri/core/src/domain/labels.rs), as maps the components look up; none is written here.
import { LABELS } from "../bindings";

type Words = typeof LABELS;
type Vocabulary = Exclude<keyof Words, "feature_fields" | "team_size_rule">;
type ValueOf<K extends Vocabulary> = Words[K][number]["value"];

/** Each value's word, in the core's order (the order of the window's choices). */
function named<K extends Vocabulary>(kind: K): Record<ValueOf<K>, string> {
  const words: readonly { value: string; label: string }[] = LABELS[kind];
  return Object.fromEntries(words.map((w) => [w.value, w.label])) as Record<ValueOf<K>, string>;
}

export const stageLabel = named("stage");
export const riskLabel = named("risk_class");
export const statusLabel = named("status");
export const horizonLabel = named("horizon");
export const teamKindLabel = named("team_kind");
export const buildOrBuyLabel = named("build_or_buy");
export const stepLabel = named("factory_step");

/** Each feature field's name, as the core's messages say it. */
export const fieldLabel = LABELS.feature_fields;

/** What the window says before sending a team size that is not a whole number: the core's own
 *  refusal of one out of range. */
export const badTeamSize = LABELS.team_size_rule;
