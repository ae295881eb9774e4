import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import { testFeature as feature } from "../testing/features";
import FeatureTable from "./FeatureTable.svelte";

describe("FeatureTable", () => {
  it("shows one row per feature with its class, stage, status and horizon in words", () => {
    render(FeatureTable, {
      features: [
        feature(1, { title: "Onboarding", risk_level: 5, status: "in_progress", horizon: "now" }),
        feature(2, { title: "Billing", risk_class: "operational", quick_win: true, stage: "scaling" }),
      ],
      ranking: [
        { id: "2", rank: 1, score: null, reason: "operational quick win, level 3" },
        { id: "1", rank: 2, score: null, reason: "business risk, level 5" },
      ],
    });
    const rows = within(screen.getByRole("table", { name: "Features" })).getAllByRole("row");
    expect(rows).toHaveLength(3);
    // Rows follow the ranking, not the input order, and show the reason without its prefix.
    expect(rows[1]?.textContent).toContain("Billing");
    expect(rows[1]?.textContent).toContain("Quick win");
    expect(rows[1]?.textContent).toContain("Scaling up");
    expect(rows[1]?.textContent).toContain("operational quick win, level 3");
    expect(rows[2]?.textContent).toContain("Onboarding");
    expect(rows[2]?.textContent).toContain("In progress");
    expect(rows[2]?.textContent).toContain("Now");
  });

  it("beside the open panel keeps stage, status and horizon, and gives the reason to the rank's tooltip", () => {
    render(FeatureTable, {
      features: [feature(1, { title: "Onboarding", status: "in_progress", horizon: "now" })],
      ranking: [{ id: "1", rank: 1, score: null, reason: "business risk, level 3" }],
      compact: true,
    });
    const table = screen.getByRole("table", { name: "Features" });
    const headers = within(table)
      .getAllByRole("columnheader")
      .map((h) => h.textContent);
    expect(headers).toEqual(["Rank", "Title", "Risk", "Level", "Stage", "Status", "Horizon"]);
    const cells = within(table).getAllByRole("cell");
    expect(cells[0]?.getAttribute("title")).toBe("business risk, level 3");
  });

  it("shows user text literally, never as markup", () => {
    render(FeatureTable, { features: [feature(1, { title: "<img src=x onerror=alert(1)>" })], ranking: [] });
    expect(screen.getByText("<img src=x onerror=alert(1)>")).toBeTruthy();
    expect(document.querySelector("img")).toBeNull();
  });

  it("explains the risk-first order when there are no features", () => {
    render(FeatureTable, { features: [], ranking: [] });
    expect(screen.getByText("No features yet")).toBeTruthy();
    expect(screen.getByText(/risk-first/)).toBeTruthy();
  });
});

it("lists done and dropped features after the ranked ones, unranked", () => {
  render(FeatureTable, {
    features: [feature(1, { title: "Shipped", status: "done" }), feature(2, { title: "Open" })],
    ranking: [{ id: "2", rank: 1, score: null, reason: "business risk, level 3" }],
  });
  const rows = within(screen.getByRole("table", { name: "Features" })).getAllByRole("row");
  expect(rows[1]?.textContent).toContain("Open");
  expect(rows[2]?.textContent).toContain("Not ranked: done");
});

describe("FeatureTable with a large plan", () => {
  it("shows a page of rows and five more pages on request, up to the last row", async () => {
    const { fireEvent } = await import("@testing-library/svelte");
    // A page of 3 proves the same boundaries as the app's 200: a first page, five more, the rest.
    const many = Array.from({ length: 20 }, (_, i) => feature(i + 1, {}));
    render(FeatureTable, { features: many, ranking: [], page: 3 });
    const table = screen.getByRole("table", { name: "Features" });
    const rows = () => within(table).getAllByRole("row").length - 1;
    expect(rows()).toBe(3);
    expect(within(table).getAllByRole("row")[3]?.textContent).toContain("Feature 3");
    await fireEvent.click(screen.getByRole("button", { name: "Show 15 more (17 not shown)" }));
    expect(rows()).toBe(18);
    await fireEvent.click(screen.getByRole("button", { name: "Show 2 more (2 not shown)" }));
    expect(rows()).toBe(20);
    expect(screen.queryByRole("button", { name: /more/ }), "no button once every row is shown").toBeNull();
  });
});
