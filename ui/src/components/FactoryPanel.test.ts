import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { factory } from "../testing/recorded/factory";
import { replay } from "../testing/replay";
import FactoryPanel from "./FactoryPanel.svelte";

afterEach(() => clearMocks());

async function setup() {
  const core = replay(factory);
  const editor = new PlanEditor();
  await editor.load();
  render(FactoryPanel, { editor, today: "2026-11-23" });
  return { core, editor };
}

async function fill(counts: Record<string, string>) {
  for (const [step, value] of Object.entries(counts)) {
    await fireEvent.input(screen.getByLabelText(new RegExp(`^${step}`)), { target: { value } });
  }
}

const week = { Acquisition: "200", Activation: "68", Retention: "60", Revenue: "50", Referral: "20" };

describe("FactoryPanel", () => {
  it("draws no chart and lists no week while the factory is empty", async () => {
    await setup();
    expect(screen.queryByRole("table", { name: "Factory weeks" })).toBeNull();
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByRole("button", { name: "Record week" })).toBeTruthy();
  });

  it("records a week's five counts as one edit", async () => {
    const { core, editor } = await setup();
    await fill(week);
    await fireEvent.click(screen.getByRole("button", { name: "Record week" }));
    await waitFor(() => expect(core.writes()).toEqual(["add_factory_week"]));
    expect(core.calls.find((c) => c.cmd === "apply")?.args).toEqual({
      op: {
        op: "add_factory_week",
        data: {
          period_start: "2026-11-23",
          acquisition: 200,
          activation: 68,
          retention: 60,
          revenue: 50,
          referral: 20,
        },
      },
    });
    await waitFor(() => expect(editor.factoryWeeks).toHaveLength(1));
    const table = screen.getByRole("table", { name: "Factory weeks" });
    expect(within(table).getByText("2026-11-23")).toBeTruthy();
  });

  it("says beside the field what is wrong, and sends nothing", async () => {
    const { core } = await setup();
    await fill({ ...week, Activation: "6.5" });
    await fireEvent.click(screen.getByRole("button", { name: "Record week" }));
    expect(await screen.findByText("Activation: must be a whole number, 0 or more.")).toBeTruthy();
    expect(screen.getByLabelText(/^Activation/).getAttribute("aria-invalid")).toBe("true");
    expect(core.writes()).toEqual([]);
  });

  it("edits a week in the form, shows the core's refusal, and deletes a week", async () => {
    const { core, editor } = await setup();
    await fill(week);
    await fireEvent.click(screen.getByRole("button", { name: "Record week" }));
    await waitFor(() => expect(editor.factoryWeeks).toHaveLength(1));
    // The form is empty again once the week is recorded.
    await waitFor(() => expect((screen.getByLabelText(/^Acquisition/) as HTMLInputElement).value).toBe(""));
    await fireEvent.input(screen.getByLabelText("Week of"), { target: { value: "2026-11-30" } });
    await fill(week);
    await fireEvent.click(screen.getByRole("button", { name: "Record week" }));
    await waitFor(() => expect(editor.factoryWeeks).toHaveLength(2));
    await waitFor(() => expect((screen.getByLabelText(/^Acquisition/) as HTMLInputElement).value).toBe(""));

    await fireEvent.click(screen.getByRole("button", { name: "Edit the week of 2026-11-30" }));
    expect((screen.getByLabelText(/^Referral/) as HTMLInputElement).value).toBe("20");
    await fireEvent.input(screen.getByLabelText("Week of"), { target: { value: "2026-11-23" } });
    await fireEvent.click(screen.getByRole("button", { name: "Save week" }));
    expect(await screen.findByText("Period start: there is already an entry for 2026-11-23.")).toBeTruthy();
    await fireEvent.input(screen.getByLabelText("Week of"), { target: { value: "2026-11-30" } });
    await fill({ Referral: "25" });
    await fireEvent.click(screen.getByRole("button", { name: "Save week" }));
    await waitFor(() =>
      expect(editor.factoryWeeks.find((w) => w.data.period_start === "2026-11-30")?.data.referral).toBe(25),
    );

    await fireEvent.click(screen.getByRole("button", { name: "Delete the week of 2026-11-23" }));
    await waitFor(() => expect(editor.factoryWeeks).toHaveLength(1));
    // The refused edit was asked for, and changed nothing.
    expect(core.writes()).toEqual([
      "add_factory_week",
      "add_factory_week",
      "update_factory_week",
      "update_factory_week",
      "delete_factory_week",
    ]);
  });
});
