import { describe, expect, it } from "vitest";
import { testFeature as feature } from "../testing/features";
import { applyFilter, noFilter } from "./filter";

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
    expect(applyFilter(all, { ...noFilter, text: "MILLION" }).map((f) => f.id)).toEqual(["2"]);
    expect(applyFilter(all, { ...noFilter, text: "onboard", horizon: "now" }).map((f) => f.id)).toEqual(["1"]);
    expect(applyFilter(all, { ...noFilter, riskClass: "operational", stage: "mvp" })).toEqual([]);
    expect(applyFilter(all, { ...noFilter, status: "planned" }).map((f) => f.id)).toEqual(["3"]);
  });
});
