// The customer factory's five steps as the founder reads them.
import type { FactoryStep } from "../bindings";

export const stepNames: Record<FactoryStep, string> = {
  acquisition: "Acquisition",
  activation: "Activation",
  retention: "Retention",
  revenue: "Revenue",
  referral: "Referral",
};

export const steps: FactoryStep[] = ["acquisition", "activation", "retention", "revenue", "referral"];
