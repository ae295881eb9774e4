// Filtering and searching the feature table: pure functions, so they are easy to test.
import type { Feature, FeatureStatus, Horizon, RiskClass, Stage } from "../bindings";

export interface FeatureFilter {
  text: string;
  riskClass: RiskClass | "";
  stage: Stage | "";
  status: FeatureStatus | "";
  horizon: Horizon | "";
}

export const noFilter: FeatureFilter = { text: "", riskClass: "", stage: "", status: "", horizon: "" };

/** Features matching every set criterion; the text matches title or description, any case. */
export function applyFilter(features: Feature[], f: FeatureFilter): Feature[] {
  const needle = f.text.trim().toLowerCase();
  if (needle === "" && f.riskClass === "" && f.stage === "" && f.status === "" && f.horizon === "") return features;
  return features.filter(
    (x) =>
      (f.riskClass === "" || x.data.risk_class === f.riskClass) &&
      (f.stage === "" || x.data.stage === f.stage) &&
      (f.status === "" || x.data.status === f.status) &&
      (f.horizon === "" || x.data.horizon === f.horizon) &&
      (needle === "" ||
        x.data.title.toLowerCase().includes(needle) ||
        x.data.description.toLowerCase().includes(needle)),
  );
}
