import { fireEvent, render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import MergeDialog from "./MergeDialog.svelte";

describe("MergeDialog", () => {
  it("says who changed what, the first labels of each, and how many more", () => {
    const labels = ["L1", "L2", "L3", "L4", "L5", "L6", "L7"];
    render(MergeDialog, {
      news: {
        incoming: {
          changes: 8,
          by: [
            { author: "Dana", changes: 7, labels },
            { author: "", changes: 1, labels: ["Upgraded the plan"] },
          ],
        },
        conflicts: [],
      },
      onclose: () => {},
      onhistory: () => {},
    });
    expect(screen.queryByRole("region", { name: "At the same time" })).toBeNull();
    expect(screen.getByRole("heading", { name: "Merged 8 changes" })).toBeTruthy();
    expect(screen.getByText("Dana").parentElement?.textContent).toBe("Dana · 7 changes");
    expect(screen.getByText("L5")).toBeTruthy();
    expect(screen.queryByText("L6")).toBeNull();
    expect(screen.getByText("and 2 more (see History)")).toBeTruthy();
    expect(screen.getByText("Keel").parentElement?.textContent).toBe("Keel · 1 change");
  });

  it("says so when the copy had nothing new", () => {
    render(MergeDialog, {
      news: { incoming: { changes: 0, by: [] }, conflicts: [] },
      onclose: () => {},
      onhistory: () => {},
    });
    expect(screen.getByRole("heading", { name: "Nothing new to merge" })).toBeTruthy();
  });

  it("tells what came in at the same time as your edits, and leads to the History", async () => {
    const onhistory = vi.fn();
    const sentence = "Dana's ‘Next’ replaced Ali's ‘Now’ on “SSO”";
    render(MergeDialog, {
      news: {
        incoming: { changes: 1, by: [{ author: "Dana", changes: 1, labels: ["Moved “SSO” to Next"] }] },
        conflicts: [
          {
            id: 1,
            sentence,
            take: "Take Ali's ‘Now’",
            keep: "Keep ‘Next’",
            found_at: "2026-11-27T10:00:00Z",
            feature: "7",
          },
        ],
      },
      onclose: () => {},
      onhistory,
    });
    const told = screen.getByRole("region", { name: "At the same time" });
    expect(within(told).getByText(sentence)).toBeTruthy();
    await fireEvent.click(within(told).getByRole("button", { name: "Settle in History" }));
    expect(onhistory).toHaveBeenCalledOnce();
  });
});
