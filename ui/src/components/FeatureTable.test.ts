import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Feature, FeatureData } from "../bindings";
import FeatureTable from "./FeatureTable.svelte";

function feature(id: number, overrides: Partial<FeatureData>): Feature {
  return {
    id,
    position: id,
    data: {
      title: `Feature ${id}`,
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
      ...overrides,
    },
  };
}

describe("FeatureTable", () => {
  it("shows one row per feature with its class, stage, status and horizon in words", () => {
    render(FeatureTable, {
      features: [
        feature(1, { title: "Onboarding", risk_level: 5, status: "in_progress", horizon: "now" }),
        feature(2, { title: "Billing", risk_class: "operational", quick_win: true, stage: "scaling" }),
      ],
    });
    const rows = within(screen.getByRole("table", { name: "Features" })).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain("Onboarding");
    expect(rows[1]?.textContent).toContain("In progress");
    expect(rows[1]?.textContent).toContain("Now");
    expect(rows[2]?.textContent).toContain("Operational");
    expect(rows[2]?.textContent).toContain("Quick win");
    expect(rows[2]?.textContent).toContain("Scaling up");
  });

  it("shows user text literally, never as markup", () => {
    render(FeatureTable, { features: [feature(1, { title: "<img src=x onerror=alert(1)>" })] });
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("explains the risk-first order when there are no features", () => {
    render(FeatureTable, { features: [] });
    expect(screen.getByText("No features yet")).toBeTruthy();
    expect(screen.getByText(/risk-first/)).toBeTruthy();
  });
});
