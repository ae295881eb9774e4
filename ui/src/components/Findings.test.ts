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
        },
        { id: "K009", severity: "hint", message: "Unlinked features", items: [] },
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
