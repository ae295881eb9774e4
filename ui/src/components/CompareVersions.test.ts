import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { Comparison } from "../bindings";
import CompareVersions from "./CompareVersions.svelte";

afterEach(() => clearMocks());

const comparison: Comparison = {
  from: "Board (2026-11-01)",
  to: "now",
  changes: ["Vision rewritten."],
  rewritten: [
    {
      field: "Vision",
      runs: [
        { kind: "same", text: "Every" },
        { kind: "removed", text: "product" },
        { kind: "same", text: "team hears" },
        { kind: "added", text: "clearly" },
      ],
    },
  ],
  traction_then: null,
  traction_now: null,
  shipped: [],
  reranked: [],
  resolved: [],
  new_findings: [],
};

describe("CompareVersions", () => {
  it("shows a rewritten field word by word: what went struck out, what came marked", async () => {
    mockIPC(() => comparison);
    const { container } = render(CompareVersions, {
      versions: [{ id: "v1", label: "Board", author: "Ali", marked_at: "2026-11-01T09:00:00Z" }],
    });
    await fireEvent.submit(screen.getByRole("form", { name: "Compare versions" }));
    await screen.findByText("Vision rewritten.");
    const field = container.querySelector('[data-field="Vision"]');
    expect(field?.querySelector("del")?.textContent).toBe("product");
    expect(field?.querySelector("ins")?.textContent).toBe("clearly");
    expect(field?.textContent?.replace(/\s+/g, " ").trim()).toBe("Vision Every product team hears clearly");
  });
});
