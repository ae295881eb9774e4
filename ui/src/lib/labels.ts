// How the closed vocabularies read in the UI.
import type { FeatureStatus, Horizon, RiskClass, Stage, TeamKind } from "../bindings";

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

export const teamKindLabel: Record<TeamKind, string> = {
  product: "Product",
  platform: "Platform",
};

/** What the window says before sending a team size that is not a whole number (the core says
 *  the same of one out of range). */
export const badTeamSize = "People: must be a whole number from 1 to 100.";
