// The customer factory's five steps, in order, as the core names them.
import { LABELS, type FactoryStep } from "../bindings";
import { stepLabel } from "./labels";

export const stepNames: Record<FactoryStep, string> = stepLabel;

export const steps: FactoryStep[] = LABELS.factory_step.map((w) => w.value);
