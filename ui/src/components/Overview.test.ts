import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Comparison, PlanView } from "../bindings";
import Overview from "./Overview.svelte";

const view: PlanView = {
  plan: {
    data: {
      company_name: "Acme",
      tagline: "",
      vision: "",
      strategy: "",
      stage: "mvp",
      currency: "USD",
      start_date: "2026-01-01",
    },
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  },
  file_name: "acme.keel",
  path: "/plans/acme.keel",
  read_only: null,
  refusal: null,
};

const since: Comparison = {
  from: "Board (2026-11-01)",
  to: "now",
  rewritten: [],
  changes: [
    "Feature added: “A”.",
    "Feature added: “B”.",
    "Feature added: “C”.",
    "Feature added: “D”.",
    "Feature added: “E”.",
  ],
  traction_then: "$20,000 ARR on 2026-10-30",
  traction_now: "$27,300 ARR on 2026-11-22",
  shipped: [],
  reranked: [],
  resolved: [],
  new_findings: [],
};

function setup(extra: Record<string, unknown> = {}) {
  const onsection = vi.fn();
  render(Overview, {
    view,
    features: [],
    ranking: [],
    counts: { errors: 1, warnings: 2, hints: 0 },
    traction: null,
    cycle: null,
    horizons: { now: 3, next: 5, later: 8 },
    onsection,
    ...extra,
  });
  return { onsection };
}

describe("Overview", () => {
  it("shows the horizons and the findings by severity, each part opening its section", async () => {
    const { onsection } = setup();
    expect(screen.getByTestId("horizons").textContent?.replace(/\s+/g, " ").trim()).toBe("3 Now 5 Next 8 Later");
    expect(screen.getByText("✖ 1 error")).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "Roadmap" }));
    await fireEvent.click(screen.getByRole("button", { name: "Plan check" }));
    expect(onsection.mock.calls).toEqual([["roadmap"], ["check"]]);
  });

  it("says what changed since the last version, the traction change first, and how many more", () => {
    setup({ since });
    const part = screen.getByTestId("since");
    expect(within(part).getByRole("button", { name: "Since Board (2026-11-01)" })).toBeTruthy();
    const lines = within(part)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(lines).toEqual([
      "Traction: $20,000 ARR on 2026-10-30 → $27,300 ARR on 2026-11-22",
      "Feature added: “A”.",
      "Feature added: “B”.",
      "Feature added: “C”.",
      "Feature added: “D”.",
      "and 1 more (History)",
    ]);
  });

  it("leaves the part out while there is no version", () => {
    setup();
    expect(screen.queryByTestId("since")).toBeNull();
  });
});

describe("Overview of a new plan", () => {
  it("shows the steps that make a plan with their state, each one click away, and offers a first feature", async () => {
    const onstep = vi.fn();
    const onnewfeature = vi.fn();
    const steps = [
      { kind: "vision", title: "Name the company and write its vision", detail: "Where it goes.", done: true },
      { kind: "goal", title: "Set your Minimum Success Criteria", detail: "The traction.", done: false },
    ] as const;
    setup({ steps, onstep, onnewfeature });
    const card = screen.getByTestId("first-steps");
    expect(within(card).getByRole("heading").textContent).toContain("1 of 2 done");
    expect(within(card).queryByRole("button", { name: "Name the company and write its vision" })).toBeNull();
    await fireEvent.click(within(card).getByRole("button", { name: "Set your Minimum Success Criteria" }));
    expect(onstep).toHaveBeenCalledWith(steps[1]);
    await fireEvent.click(screen.getByRole("button", { name: "New feature" }));
    expect(onnewfeature).toHaveBeenCalledOnce();
  });

  it("shows no steps once all are done", () => {
    setup({ steps: [] });
    expect(screen.queryByTestId("first-steps")).toBeNull();
  });
});
