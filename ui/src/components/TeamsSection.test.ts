import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Portfolio, TeamCard } from "../bindings";
import { PlanEditor } from "../lib/editor.svelte";
import { fakeCore } from "../testing/fakeCore";
import TeamsSection from "./TeamsSection.svelte";

afterEach(() => clearMocks());

const card = (id: string, name: string, attention: TeamCard["attention"], status: string): TeamCard => ({
  id,
  name,
  kind: "product",
  mission: `${name}'s mission`,
  size: 6,
  kpi: null,
  attention,
  funding_before: 400_000,
  funding: 520_000,
  funding_next: null,
  funding_grows: true,
  headcount: 7,
  open_features: 2,
  now_weeks: 3,
  now_share: 0.5,
  text: {
    kpi: `${name} KPI: 5 % of 15 % by 2027-12-01`,
    status,
    trend: "+0.3 % a month",
    projection: "At this rate 15 % on 2028-03-01, after its date.",
    funding: "$520k",
    funding_change: "↑ from $400k",
    headcount: "7",
    now_share: "50 %",
  },
});

/** The core's portfolio: Growth is behind, so it comes first though it is listed second. */
const portfolio = (is_portfolio: boolean): Portfolio => ({
  is_portfolio,
  quarter: "2027-Q2",
  quarter_label: "Q2 2027",
  funding: 1_040_000,
  funding_text: "$1.04M",
  headcount: 14,
  stages: "Enterprise from 2028-12-01.",
  teams: [card("2", "Growth", "behind", "Behind"), card("1", "Insights", "ahead", "Ahead")],
});

async function setup(isPortfolio: boolean) {
  const core = fakeCore({ portfolio: portfolio(isPortfolio) });
  core.teams.push(
    { id: "1", data: { name: "Insights", kind: "product", size: 6, mission: "", kpi: null, quarters: [] } },
    { id: "2", data: { name: "Growth", kind: "product", size: 7, mission: "", kpi: null, quarters: [] } },
  );
  const editor = new PlanEditor();
  await editor.load();
  render(TeamsSection, { editor });
  return { core, editor };
}

const cards = () => screen.getAllByRole("article").map((a) => a.getAttribute("aria-label"));

describe("TeamsSection", () => {
  it("at the Scaling stage is the board's portfolio, the team behind first, with the core's figures", async () => {
    await setup(true);
    expect(screen.getByLabelText("Portfolio summary").textContent).toContain("Q2 2027: $1.04M of funding, 14 people");
    expect(cards()).toEqual(["Team Growth", "Team Insights"]);
    const growth = within(screen.getByRole("article", { name: "Team Growth" }));
    expect(growth.getByText("Behind")).toBeTruthy();
    expect(growth.getByText("Growth's mission")).toBeTruthy();
    expect(growth.getByText("$520k")).toBeTruthy();
    expect(growth.getByText("↑ from $400k")).toBeTruthy();
    expect(growth.getByText("50 %")).toBeTruthy();
    expect(growth.getByText("At this rate 15 % on 2028-03-01, after its date.")).toBeTruthy();
  });

  it("at the MVP stage lists the teams with their fields, no portfolio", async () => {
    await setup(false);
    expect(screen.queryByLabelText("Portfolio summary")).toBeNull();
    expect(cards()).toEqual(["Team Insights", "Team Growth"]);
    expect(screen.queryByText("Behind")).toBeNull();
    expect(within(screen.getByRole("article", { name: "Team Insights" })).getByText(/2 open features/)).toBeTruthy();
  });

  it("sets a team's KPI and plans a quarter, each as one edit of the team", async () => {
    const { core } = await setup(false);
    const insights = within(screen.getByRole("article", { name: "Team Insights" }));
    const kpi = within(insights.getByRole("form", { name: "Set a KPI" }));
    await fireEvent.input(kpi.getByLabelText("KPI"), { target: { value: "Weekly active PMs" } });
    await fireEvent.input(kpi.getByLabelText("Unit"), { target: { value: "PMs" } });
    await fireEvent.input(kpi.getByLabelText("Target"), { target: { value: "3,000" } });
    await fireEvent.input(kpi.getByLabelText("By"), { target: { value: "2027-12-01" } });
    await fireEvent.click(kpi.getByRole("button", { name: "Set KPI" }));
    await waitFor(() => expect(core.writes()).toEqual(["update_team"]));
    expect(core.teams[0]?.data.kpi).toEqual({
      metric: "Weekly active PMs",
      unit: "PMs",
      target: 3000,
      deadline: "2027-12-01",
      values: [],
    });
    const quarter = within(insights.getByRole("form", { name: "Plan a quarter" }));
    await fireEvent.input(quarter.getByLabelText("Quarter"), { target: { value: "2027-Q1" } });
    await fireEvent.input(quarter.getByLabelText("Funding"), { target: { value: "250000" } });
    await fireEvent.input(quarter.getByLabelText("People"), { target: { value: "6" } });
    await fireEvent.click(quarter.getByRole("button", { name: "Add quarter" }));
    await waitFor(() => expect(core.writes()).toEqual(["update_team", "update_team"]));
    expect(core.teams[0]?.data.quarters).toEqual([{ quarter: "2027-Q1", funding: 250000, headcount: 6 }]);
  });

  it("says why a KPI was refused and keeps what was typed", async () => {
    const { core } = await setup(false);
    const insights = within(screen.getByRole("article", { name: "Team Insights" }));
    const kpi = within(insights.getByRole("form", { name: "Set a KPI" }));
    await fireEvent.input(kpi.getByLabelText("Target"), { target: { value: "lots" } });
    await fireEvent.click(kpi.getByRole("button", { name: "Set KPI" }));
    expect(insights.getByRole("alert").textContent).toContain("KPI target: “lots” is not a number");
    await fireEvent.input(kpi.getByLabelText("Target"), { target: { value: "10" } });
    // A date half typed is said, in the same form as every date field's.
    await fireEvent.input(kpi.getByLabelText("By"), { target: { value: "2027-12" } });
    await fireEvent.click(kpi.getByRole("button", { name: "Set KPI" }));
    expect(insights.getByRole("alert").textContent).toContain(
      "KPI date: write the date as year-month-day, such as 2026-12-01.",
    );
    expect((kpi.getByLabelText("By") as HTMLInputElement).type, "no native date widget").toBe("text");
    await fireEvent.input(kpi.getByLabelText("By"), { target: { value: "2027-12-01" } });
    await fireEvent.click(kpi.getByRole("button", { name: "Set KPI" }));
    await waitFor(() => expect(insights.getByRole("alert").textContent).toContain("KPI: must not be empty."));
    expect(core.teams[0]?.data.kpi).toBeNull();
    expect((kpi.getByLabelText("Target") as HTMLInputElement).value).toBe("10");
  });
});
