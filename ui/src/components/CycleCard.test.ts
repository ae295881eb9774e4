import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { Cycle } from "../bindings";
import CycleCard from "./CycleCard.svelte";

const cycle: Cycle = {
  number: 4,
  start: "2026-09-28",
  end: "2026-12-26",
  days_left: 29,
  target: 40000,
  actual: 30000,
  ratio: 0.75,
  bottleneck: "activation",
  on_bottleneck: [{ id: "7", title: "Guided setup" }],
  summary: "Cycle 4 · 2026-09-28 to 2026-12-26, 29 days left: reach $40,000 ARR ($30,000 ARR now, 75 %).",
};

describe("CycleCard", () => {
  it("shows the core's summary, the progress and the work on the bottleneck, each feature a link", async () => {
    const onopen = vi.fn();
    render(CycleCard, { cycle, onopen });
    expect(screen.getByText(cycle.summary)).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("75");
    await fireEvent.click(screen.getByRole("button", { name: "Guided setup" }));
    expect(onopen).toHaveBeenCalledWith("7");
  });

  it("says when nothing planned for now works on the bottleneck", () => {
    render(CycleCard, { cycle: { ...cycle, on_bottleneck: [] } });
    expect(screen.getByText(/Nothing planned for now works on activation/)).toBeTruthy();
  });

  it("draws no bar without a target", () => {
    render(CycleCard, { cycle: { ...cycle, target: null, actual: null, ratio: null, bottleneck: null } });
    expect(screen.queryByRole("progressbar")).toBeNull();
  });
});
