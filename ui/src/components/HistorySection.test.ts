import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { nth } from "../testing/features";
import { concurrent } from "../testing/recorded/concurrent";
import { history_follows } from "../testing/recorded/history_follows";
import { history_pages } from "../testing/recorded/history_pages";
import { history_shown } from "../testing/recorded/history_shown";
import type { Step } from "../testing/recorded/steps";
import { versions } from "../testing/recorded/versions";
import { answer, replay } from "../testing/replay";
import HistorySection from "./HistorySection.svelte";

afterEach(() => clearMocks());

/** The editor on the real core's recorded answers to `recording`. */
async function setup(recording: readonly Step[]) {
  const core = replay(recording);
  const editor = new PlanEditor();
  await editor.load();
  return { core, editor };
}

const labels = () =>
  within(within(screen.getByRole("region", { name: /^Edits/ })).getByRole("list"))
    .queryAllByRole("listitem")
    .map((li) => li.querySelector(".label")?.textContent);

/** The labels of the `index`th history page `recording` answered. */
const recorded = (recording: readonly Step[], index: number) =>
  answer(recording, "history", index).entries.map((e) => e.label);

describe("HistorySection", () => {
  it("lists the edits newest first with their author, and follows each new edit", async () => {
    const { core, editor } = await setup(history_follows);
    await editor.apply({ op: "delete_feature", id: nth(editor.features, 0).id });
    render(HistorySection, { editor });
    await waitFor(() => expect(labels()).toEqual(recorded(history_follows, 0)));
    expect(labels()[0]).toBe("Deleted “Talk to twenty weavers”");
    expect(screen.getAllByText(/Dana ·/).length).toBeGreaterThan(0);
    await editor.undo();
    await waitFor(() => expect(labels()).toEqual(recorded(history_follows, 1)));
    expect(labels().slice(0, 2)).toEqual([
      "Undo: Deleted “Talk to twenty weavers”",
      "Deleted “Talk to twenty weavers”",
    ]);
    expect(core.writes()).toEqual(["delete_feature", "undo"]);
  });

  it("reads the history once when shown and again only after an edit, not on every answer", async () => {
    const { core, editor } = await setup(history_shown);
    const reads = () => core.calls.filter((c) => c.cmd === "history").length;
    render(HistorySection, { editor });
    // The replay answers at once, so a read that started the next would keep the page busy
    // forever: count the reads after a bounded number of turns, not after a timer.
    for (let i = 0; i < 200; i++) await Promise.resolve();
    expect(reads(), "one read when the section shows").toBe(1);
    await editor.apply({ op: "delete_feature", id: nth(editor.features, 0).id });
    for (let i = 0; i < 200; i++) await Promise.resolve();
    expect(reads(), "one more read after the edit").toBe(2);
    expect(labels()).toEqual(recorded(history_shown, 1));
  });

  it("pages older edits", async () => {
    const { editor } = await setup(history_pages);
    for (let i = 0; i < 3; i++) await editor.apply({ op: "delete_feature", id: nth(editor.features, 0).id });
    render(HistorySection, { editor, page: 2 });
    await waitFor(() => expect(labels()).toEqual(recorded(history_pages, 0)));
    await fireEvent.click(screen.getByRole("button", { name: "Show 2 older edits" }));
    await waitFor(() => expect(labels()).toEqual(recorded(history_pages, 1)));
    expect(labels()).toHaveLength(4);
  });

  it("marks a version, compares it with the plan now, and restores it as a new edit", async () => {
    const { core, editor } = await setup(versions);
    render(HistorySection, { editor });
    await fireEvent.input(screen.getByLabelText("Mark the plan as it is now"), {
      target: { value: "Board meeting" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Mark version" }));
    await waitFor(() => expect(screen.getByRole("cell", { name: "Board meeting" })).toBeTruthy());
    await editor.updateFeature(nth(editor.features, 0).id, { title: "Activation" });

    await fireEvent.click(await screen.findByRole("button", { name: "Compare" }));
    const shown = await screen.findByTestId("comparison");
    const version = nth(editor.versions, 0).id;
    expect(core.calls.find((c) => c.cmd === "compare_versions")?.args).toEqual({ from: version, to: null });
    expect(within(shown).getByRole("columnheader", { name: "Board meeting (2026-11-27)" })).toBeTruthy();
    expect(within(shown).getByRole("columnheader", { name: "now" })).toBeTruthy();
    expect(within(shown).getByText("Feature “Talk to twenty weavers” renamed to “Activation”.")).toBeTruthy();
    expect(within(shown).getByText("The top priorities kept their places.")).toBeTruthy();

    await fireEvent.click(screen.getByRole("button", { name: "Restore this version" }));
    await waitFor(() => expect(core.writes()).toEqual(["update_feature", "restore_version"]));
    expect(core.applied().at(-1)).toEqual({ op: "restore_version", id: version });
    await waitFor(() => expect(labels()[0]).toBe("Restored version “Board meeting”"));
    expect(nth(editor.features, 0).data.title).toBe("Talk to twenty weavers");
  });

  it("shows what a teammate did at the same time, and settles each with one click", async () => {
    const { core, editor } = await setup(concurrent);
    await editor.mergeTeammate();
    render(HistorySection, { editor });
    const told = await screen.findByRole("region", { name: /^At the same time/ });
    expect(within(told).getByText("Dana's ‘Next’ replaced Ali's ‘Now’ on “Talk to twenty weavers”")).toBeTruthy();
    await fireEvent.click(within(told).getByRole("button", { name: "Take Ali's ‘Now’" }));
    await waitFor(() => expect(core.calls.some((c) => c.cmd === "take_other_value" && c.args.id === 1)).toBe(true));
    await waitFor(() => expect(within(told).queryByText(/replaced/)).toBeNull());
    const gone = await screen.findByRole("region", { name: /^Deleted features/ });
    expect(within(gone).getByText("Concierge onboarding for mills")).toBeTruthy();
    await fireEvent.click(within(told).getByRole("button", { name: "Keep it deleted" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: /^At the same time/ })).toBeNull());
    await fireEvent.click(within(gone).getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(screen.queryByRole("region", { name: /^Deleted features/ })).toBeNull());
    expect(editor.features.map((f) => f.data.title)).toContain("Concierge onboarding for mills");
  });
});
