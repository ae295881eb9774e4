import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import Funnel from "./Funnel.svelte";

describe("Funnel", () => {
  it("teaches the five steps while there is no week", () => {
    render(Funnel, { factory: null });
    expect(screen.getByText(/turns visitors into customers in five steps: acquisition/)).toBeTruthy();
  });

  it("says what the bottleneck means for the cycle, and marks it", () => {
    const focus =
      "Activation is the bottleneck (34 % of new users reach their first success): 80 % of this cycle's effort belongs on it.";
    render(Funnel, {
      factory: {
        period_start: "2026-11-23",
        bottleneck: "activation",
        steps: [
          { step: "acquisition", count: 200, conversion: null },
          { step: "activation", count: 68, conversion: 0.34 },
          { step: "retention", count: 60, conversion: 0.88 },
          { step: "revenue", count: 50, conversion: 0.83 },
          { step: "referral", count: 20, conversion: 0.4 },
        ],
      },
      focus,
    });
    expect(screen.getByText(focus)).toBeTruthy();
    expect(screen.getByText("Bottleneck").closest("li")?.textContent).toContain("Activation");
  });
});
