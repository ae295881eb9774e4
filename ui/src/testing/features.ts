// Features as test data for components that take them as props (no core involved).
import type { Feature, FeatureData } from "../bindings";

export function featureData(title: string, overrides: Partial<FeatureData> = {}): FeatureData {
  return {
    title,
    description: "",
    risk_class: "business",
    risk_level: 3,
    quick_win: false,
    build_or_buy: "undecided",
    stage: "mvp",
    status: "idea",
    horizon: "next",
    start_date: null,
    end_date: null,
    effort_weeks: null,
    reach: null,
    impact: null,
    confidence: null,
    scale_assumption: null,
    milestone_id: null,
    factory_step: null,
    team_id: null,
    source: null,
    replatform: false,
    ...overrides,
  };
}

/** Feature `id` ("Feature 3"), an idea for later unless `overrides` say otherwise. */
export function testFeature(n: number, overrides: Partial<FeatureData> = {}): Feature {
  return { id: String(n), position: n, data: featureData(`Feature ${n}`, { horizon: "later", ...overrides }) };
}

/** The item at `index`, failing the test when there is none. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index} (there are ${list.length})`);
  return item;
}
