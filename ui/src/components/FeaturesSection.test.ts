import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { testFeature } from "../testing/features";
import FeaturesSection from "./FeaturesSection.svelte";

afterEach(() => clearMocks());

const features = [
  testFeature(1, { title: "Onboarding", risk_class: "business" }),
  testFeature(2, { title: "Sharding", risk_class: "technical" }),
];
const ranking = [
  { id: "1", rank: 1, score: null, reason: "business risk, level 3" },
  { id: "2", rank: 2, score: null, reason: "technical risk, level 3" },
];

function titles(): string[] {
  return within(screen.getByRole("table", { name: "Features" }))
    .getAllByRole("row")
    .slice(1)
    .map((r) => r.querySelector(".title")?.textContent ?? "");
}

describe("FeaturesSection", () => {
  it("filters by risk class and by search text", async () => {
    render(FeaturesSection, { features, ranking });
    expect(titles()).toEqual(["Onboarding", "Sharding"]);
    await fireEvent.change(screen.getByLabelText("Risk class"), { target: { value: "technical" } });
    expect(titles()).toEqual(["Sharding"]);
    await fireEvent.change(screen.getByLabelText("Risk class"), { target: { value: "" } });
    await fireEvent.input(screen.getByLabelText("Search features"), { target: { value: "onb" } });
    expect(titles()).toEqual(["Onboarding"]);
  });

  it("asks the core for another view and orders by it", async () => {
    mockIPC((cmd, args) => {
      expect(cmd).toBe("rank_features");
      expect(args).toEqual({ view: "rice" });
      return [
        { id: "2", rank: 1, score: 240, reason: "RICE 240" },
        { id: "1", rank: 2, score: null, reason: "no RICE inputs; after the scored features, in risk-first order" },
      ];
    });
    render(FeaturesSection, { features, ranking });
    await fireEvent.change(screen.getByLabelText("Order"), { target: { value: "rice" } });
    await screen.findByText("RICE 240");
    expect(titles()).toEqual(["Sharding", "Onboarding"]);
  });
});
