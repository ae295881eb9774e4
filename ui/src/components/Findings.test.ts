import { fireEvent, render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { ItemRef } from "../bindings";
import { featureData } from "../testing/features";
import Findings from "./Findings.svelte";

describe("Findings", () => {
  it("groups by severity and opens the item a finding concerns", async () => {
    const opened: ItemRef[] = [];
    render(Findings, {
      findings: [
        {
          id: "K006",
          severity: "warning",
          message: "Operational work at the MVP stage",
          items: [{ kind: "feature", id: "7" }],
          more: 0,
        },
        { id: "K009", severity: "hint", message: "Unlinked features", items: [], more: 0 },
      ],
      features: [{ id: "7", position: 1, data: featureData("In-house billing") }],
      onopen: (item: ItemRef) => opened.push(item),
    });
    expect(screen.getByRole("heading", { name: /Warnings/ })).toBeTruthy();
    expect(screen.getByRole("heading", { name: /Hints/ })).toBeTruthy();
    await fireEvent.click(screen.getByRole("button", { name: "In-house billing →" }));
    expect(opened).toEqual([{ kind: "feature", id: "7" }]);
  });
});

describe("Findings of many items", () => {
  it("lists the items the core sent and says how many more there are", () => {
    render(Findings, {
      findings: [
        {
          id: "K009",
          severity: "hint",
          message: "10 open features are linked to no milestone",
          items: [{ kind: "feature", id: "7" }],
          more: 9,
        },
      ],
      features: [{ id: "7", position: 1, data: featureData("In-house billing") }],
      onopen: () => {},
    });
    expect(screen.getByRole("button", { name: "In-house billing →" })).toBeTruthy();
    expect(screen.getByText("and 9 more")).toBeTruthy();
  });
});
