import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import MergeDialog from "./MergeDialog.svelte";

describe("MergeDialog", () => {
  it("says who changed what, the first labels of each, and how many more", () => {
    const labels = ["L1", "L2", "L3", "L4", "L5", "L6", "L7"];
    render(MergeDialog, {
      incoming: {
        changes: 8,
        by: [
          { author: "Dana", changes: 7, labels },
          { author: "", changes: 1, labels: ["Upgraded the plan"] },
        ],
      },
      onclose: () => {},
    });
    expect(screen.getByRole("heading", { name: "Merged 8 changes" })).toBeTruthy();
    expect(screen.getByText("Dana").parentElement?.textContent).toBe("Dana · 7 changes");
    expect(screen.getByText("L5")).toBeTruthy();
    expect(screen.queryByText("L6")).toBeNull();
    expect(screen.getByText("and 2 more (see History)")).toBeTruthy();
    expect(screen.getByText("Keel").parentElement?.textContent).toBe("Keel · 1 change");
  });

  it("says so when the copy had nothing new", () => {
    render(MergeDialog, { incoming: { changes: 0, by: [] }, onclose: () => {} });
    expect(screen.getByRole("heading", { name: "Nothing new to merge" })).toBeTruthy();
  });
});
