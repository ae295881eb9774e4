import { describe, expect, it } from "vitest";
import type { Feature, FeatureData } from "../bindings";
import { applyFilter, noFilter } from "./filter";

function feature(id: number, over: Partial<FeatureData>): Feature {
  return {
    id,
    position: id,
    data: {
      title: `F${id}`,
      description: "",
      risk_class: "business",
      risk_level: 3,
      quick_win: false,
      build_or_buy: "undecided",
      stage: "mvp",
      status: "idea",
      horizon: "later",
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
      ...over,
    },
  };
}

const all = [
  feature(1, { title: "Onboarding wizard", horizon: "now" }),
  feature(2, { title: "Sharding", risk_class: "technical", description: "for 100 million users" }),
  feature(3, { title: "Billing", risk_class: "operational", stage: "scaling", status: "planned" }),
];

describe("applyFilter", () => {
  it("keeps everything with no criteria", () => {
    expect(applyFilter(all, noFilter)).toHaveLength(3);
  });
  it("combines criteria and searches title and description, any case", () => {
    expect(applyFilter(all, { ...noFilter, text: "MILLION" }).map((f) => f.id)).toEqual([2]);
    expect(applyFilter(all, { ...noFilter, text: "onboard", horizon: "now" }).map((f) => f.id)).toEqual([1]);
    expect(applyFilter(all, { ...noFilter, riskClass: "operational", stage: "mvp" })).toEqual([]);
    expect(applyFilter(all, { ...noFilter, status: "planned" }).map((f) => f.id)).toEqual([3]);
  });
});
