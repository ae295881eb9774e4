import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { fakeCore, nth } from "../testing/fakeCore";
import HistorySection from "./HistorySection.svelte";

afterEach(() => clearMocks());

async function setup(page?: number) {
  const core = fakeCore({ titles: ["A", "B", "C"] });
  const editor = new PlanEditor();
  await editor.load();
  return { core, editor, page };
}

const labels = () =>
  within(within(screen.getByRole("region", { name: /^Edits/ })).getByRole("list"))
    .queryAllByRole("listitem")
    .map((li) => li.querySelector(".label")?.textContent);

describe("HistorySection", () => {
  it("lists the edits newest first with their author, and follows each new edit", async () => {
    const { core, editor } = await setup();
    await editor.apply({ op: "delete_feature", id: "1" });
    render(HistorySection, { editor });
    await waitFor(() => expect(labels()).toEqual(["Deleted “A”"]));
    expect(screen.getByText(/Dana ·/)).toBeTruthy();
    await editor.undo();
    await waitFor(() => expect(labels()).toEqual(["Undo: Deleted “A”", "Deleted “A”"]));
    expect(core.writes()).toEqual(["delete_feature", "undo"]);
  });

  it("reads the history once when shown and again only after an edit, not on every answer", async () => {
    const { core, editor } = await setup();
    const reads = () => core.calls.filter((c) => c.cmd === "history").length;
    render(HistorySection, { editor });
    // The fake answers at once, so a read that started the next would keep the page busy
    // forever: count the reads after a bounded number of turns, not after a timer.
    for (let i = 0; i < 200; i++) await Promise.resolve();
    expect(reads(), "one read when the section shows").toBe(1);
    await editor.apply({ op: "delete_feature", id: "1" });
    for (let i = 0; i < 200; i++) await Promise.resolve();
    expect(reads(), "one more read after the edit").toBe(2);
    expect(labels()).toEqual(["Deleted “A”"]);
  });

  it("pages older edits", async () => {
    const { editor } = await setup();
    for (const id of ["1", "2", "3"]) await editor.apply({ op: "delete_feature", id });
    render(HistorySection, { editor, page: 2 });
    await waitFor(() => expect(labels()).toHaveLength(2));
    await fireEvent.click(screen.getByRole("button", { name: "Show 1 older edits" }));
    await waitFor(() => expect(labels()).toEqual(["Deleted “C”", "Deleted “B”", "Deleted “A”"]));
  });

  it("marks a version and restores one as a new edit", async () => {
    const { core, editor } = await setup();
    render(HistorySection, { editor });
    await fireEvent.input(screen.getByLabelText("Mark the plan as it is now"), {
      target: { value: "Board meeting" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Mark version" }));
    await waitFor(() => expect(screen.getByRole("cell", { name: "Board meeting" })).toBeTruthy());
    await fireEvent.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(core.writes()).toEqual(["restore_version"]));
    expect(
      nth(
        core.calls.filter((c) => c.cmd === "apply"),
        0,
      ).args,
    ).toEqual({
      op: { op: "restore_version", id: "v1" },
    });
    await waitFor(() => expect(labels()[0]).toBe("Restored version “Board meeting”"));
  });

  it("shows what a teammate did at the same time, and settles each with one click", async () => {
    const core = fakeCore({ teammate: { author: "Dana", titles: [] }, concurrent: true });
    const editor = new PlanEditor();
    await editor.load();
    await editor.mergeTeammate();
    render(HistorySection, { editor });
    const told = await screen.findByRole("region", { name: /^At the same time/ });
    expect(within(told).getByText("Dana's ‘Next’ replaced Ali's ‘Now’ on “Onboarding”")).toBeTruthy();
    await fireEvent.click(within(told).getByRole("button", { name: "Take Ali's ‘Now’" }));
    await waitFor(() => expect(core.calls.some((c) => c.cmd === "take_other_value" && c.args.id === 1)).toBe(true));
    await waitFor(() => expect(within(told).queryByText(/replaced/)).toBeNull());
    const gone = await screen.findByRole("region", { name: /^Deleted features/ });
    expect(within(gone).getByText("Billing")).toBeTruthy();
    await fireEvent.click(within(told).getByRole("button", { name: "Keep it deleted" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: /^At the same time/ })).toBeNull());
    await fireEvent.click(within(gone).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: /^Deleted features/ })).toBeNull());
    expect(editor.features.map((f) => f.data.title)).toContain("Billing");
  });

  it("compares a version with the plan now, side by side", async () => {
    const { core, editor } = await setup();
    render(HistorySection, { editor });
    await fireEvent.input(screen.getByLabelText("Mark the plan as it is now"), { target: { value: "Board" } });
    await fireEvent.click(screen.getByRole("button", { name: "Mark version" }));
    await fireEvent.click(await screen.findByRole("button", { name: "Compare" }));
    const shown = await screen.findByTestId("comparison");
    expect(core.calls.find((c) => c.cmd === "compare_versions")?.args).toEqual({ from: "v1", to: null });
    expect(within(shown).getByRole("columnheader", { name: "Board (2026-11-27)" })).toBeTruthy();
    expect(within(shown).getByRole("columnheader", { name: "now" })).toBeTruthy();
    expect(within(shown).getByText("$31,000 ARR on 2026-11-26")).toBeTruthy();
    expect(within(shown).getByText("Feature added: “A”.")).toBeTruthy();
    expect(within(shown).getByText("The top priorities kept their places.")).toBeTruthy();
  });
});
