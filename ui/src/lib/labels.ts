// How the closed vocabularies read in the UI.
import type { FeatureStatus, Horizon, RiskClass, Stage } from "../bindings";

export const stageLabel: Record<Stage, string> = {
  mvp: "MVP",
  scaling: "Scaling up",
  enterprise: "Enterprise",
};

export const riskLabel: Record<RiskClass, string> = {
  business: "Business",
  technical: "Technical",
  operational: "Operational",
};

export const statusLabel: Record<FeatureStatus, string> = {
  idea: "Idea",
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  dropped: "Dropped",
};

export const horizonLabel: Record<Horizon, string> = {
  now: "Now",
  next: "Next",
  later: "Later",
};
