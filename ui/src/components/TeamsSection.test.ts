import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { nth } from "../testing/features";
import type { Step } from "../testing/recorded/steps";
import { teams } from "../testing/recorded/teams";
import { teams_portfolio } from "../testing/recorded/teams_portfolio";
import { answer, replay } from "../testing/replay";
import TeamsSection from "./TeamsSection.svelte";

afterEach(() => clearMocks());

/** The teams of a plan at `stage`, on the real core's recorded answers. */
async function setup(recording: readonly Step[]) {
  const core = replay(recording);
  const editor = new PlanEditor();
  await editor.load();
  render(TeamsSection, { editor });
  return { core, editor };
}

const cards = () => screen.getAllByRole("article").map((a) => a.getAttribute("aria-label"));

describe("TeamsSection", () => {
  it("at the Scaling stage is the board's portfolio, the team behind first, with the core's figures", async () => {
    await setup(teams_portfolio);
    const portfolio = answer(teams_portfolio, "load_plan").analysis.portfolio;
    expect(portfolio?.is_portfolio).toBe(true);
    expect(screen.getByLabelText("Portfolio summary").textContent).toContain("Q4 2026: $770k of funding, 15 people");
    // Insights is behind: first, though the plan lists it second.
    expect(cards()).toEqual(["Team Insights", "Team Growth"]);
    const insights = within(screen.getByRole("article", { name: "Team Insights" }));
    const text = nth(portfolio?.teams ?? [], 0).text;
    expect(insights.getByText("Behind")).toBeTruthy();
    expect(insights.getByText("Insights's mission")).toBeTruthy();
    expect(insights.getByText("$520k")).toBeTruthy();
    expect(insights.getByText("↑ from $400k")).toBeTruthy();
    expect(insights.getByText(`· trend ${text.trend}`)).toBeTruthy();
    expect(insights.getByText(text.projection)).toBeTruthy();
  });

  it("at the MVP stage lists the teams with their fields, no portfolio", async () => {
    await setup(teams);
    expect(screen.queryByLabelText("Portfolio summary")).toBeNull();
    expect(cards()).toEqual(["Team Growth", "Team Insights"]);
    expect(screen.queryByText("Behind")).toBeNull();
    expect(within(screen.getByRole("article", { name: "Team Insights" })).getByText(/1 open feature/)).toBeTruthy();
  });

  it("sets a team's KPI and plans a quarter, each as one edit of the team", async () => {
    const { core, editor } = await setup(teams);
    const insights = within(screen.getByRole("article", { name: "Team Insights" }));
    const kpi = within(insights.getByRole("form", { name: "Set a KPI" }));
    await fireEvent.input(kpi.getByLabelText("KPI"), { target: { value: "Weekly active PMs" } });
    await fireEvent.input(kpi.getByLabelText("Unit"), { target: { value: "PMs" } });
    await fireEvent.input(kpi.getByLabelText("Target"), { target: { value: "3,000" } });
    await fireEvent.input(kpi.getByLabelText("By"), { target: { value: "2027-12-01" } });
    await fireEvent.click(kpi.getByRole("button", { name: "Set KPI" }));
    await waitFor(() => expect(editor.undoLabel).toBe("Edited team “Insights”: KPI"));
    expect(core.writes()).toEqual(["update_team"]);
    const team = () => editor.teams.find((t) => t.data.name === "Insights")?.data;
    expect(team()?.kpi).toEqual({
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
    await waitFor(() => expect(editor.undoLabel).toBe("Edited team “Insights”: funding plan"));
    expect(core.writes()).toEqual(["update_team", "update_team"]);
    const sent = core.applied().at(-1);
    expect(sent?.op === "update_team" && sent.data.quarters).toContainEqual({
      quarter: "2027-Q1",
      funding: 250000,
      headcount: 6,
    });
  });

  it("says why a KPI was refused and keeps what was typed", async () => {
    const { editor } = await setup(teams);
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
    expect(editor.teams.find((t) => t.data.name === "Insights")?.data.kpi).toBeNull();
    expect((kpi.getByLabelText("Target") as HTMLInputElement).value).toBe("10");
  });
});
