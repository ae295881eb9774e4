import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { FeatureField, FeatureImport, FeatureOptions } from "../bindings";
import { PlanEditor } from "../lib/editor.svelte";
import ImportFeaturesDialog from "./ImportFeaturesDialog.svelte";

afterEach(() => clearMocks());

/** The core's preview of a two-column file, with the mapping it was asked for. */
function preview(mapping: (FeatureField | null)[]): FeatureImport {
  return {
    tool: "spreadsheet",
    from: "a spreadsheet",
    fields: [
      { field: "title", label: "Title" },
      { field: "end_date", label: "End date" },
    ],
    columns: [
      { header: "Name", samples: ["Gift cards"] },
      { header: "When", samples: ["2026-12-14"] },
    ],
    mapping,
    date_order: null,
    needs_date_order: false,
    preview: [{ line: 2, cells: ["Gift cards", "2026-12-14"], outcome: "new" }],
    rows: 2,
    added: 1,
    updated: 0,
    unchanged: 0,
    problems: [{ line: 3, reason: "it has no title" }],
    more_problems: 0,
    notes: ["No issue id column: importing this file again adds its features again."],
    statuses: [],
    archived: 0,
  };
}

describe("ImportFeaturesDialog", () => {
  it("shows the core's preview, and asks again with the mapping the founder changed", async () => {
    const asked: FeatureOptions[] = [];
    mockIPC((cmd, args) => {
      const options = (args as { options: FeatureOptions }).options;
      if (cmd === "preview_feature_import") {
        asked.push(options);
        return preview(options.mapping ?? ["title", null]);
      }
      return null;
    });
    render(ImportFeaturesDialog, { editor: new PlanEditor(), file: "backlog.csv", onclose: () => {} });
    expect(await screen.findByText("Line 3: it has no title")).toBeTruthy();
    expect(screen.getByText(/No issue id column/)).toBeTruthy();
    expect(screen.getByRole("button", { name: "Import 1 feature" })).toBeTruthy();
    const when = screen.getByRole("combobox", { name: "Field for When" });
    await fireEvent.change(when, { target: { value: "end_date" } });
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toEqual({
      mapping: ["title", "end_date"],
      date_order: null,
      statuses: [],
      include_archived: false,
    });
  });

  it("says why the file cannot be imported, and offers no import", async () => {
    mockIPC(() => {
      throw { code: "invalid_import", message: "This file cannot be imported: it is empty. Nothing was changed." };
    });
    render(ImportFeaturesDialog, { editor: new PlanEditor(), file: "empty.csv", onclose: () => {} });
    expect((await screen.findByRole("alert")).textContent).toContain("it is empty");
    expect((screen.getByRole("button", { name: /Import 0 features/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("lets the founder choose what each unknown status becomes, and imports with the choices", async () => {
    const asked: FeatureOptions[] = [];
    const imported: FeatureOptions[] = [];
    mockIPC((cmd, args) => {
      const options = (args as { options: FeatureOptions }).options;
      if (cmd === "preview_feature_import") {
        asked.push(options);
        const chosen = new Map((options.statuses ?? []).map((c) => [c.value, c.status]));
        return {
          ...preview(["title", null]),
          tool: "trello",
          from: "Trello",
          statuses: [
            { value: "クローズ", rows: 2, status: chosen.get("クローズ") ?? "idea", chosen: chosen.has("クローズ") },
            { value: "Niet begonnen", rows: 1, status: "planned", chosen: true },
          ],
        };
      }
      if (cmd === "import_features") imported.push(options);
      throw { code: "io", message: "stop here" };
    });
    render(ImportFeaturesDialog, { editor: new PlanEditor(), file: "board.json", onclose: () => {} });
    const closed = await screen.findByRole("combobox", { name: "Keel status for クローズ" });
    expect((closed as HTMLSelectElement).value).toBe("idea");
    expect(screen.getByText(/remembers it for the next import from Trello/)).toBeTruthy();
    await fireEvent.change(closed, { target: { value: "done" } });
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]?.statuses).toEqual([
      { value: "Niet begonnen", status: "planned" },
      { value: "クローズ", status: "done" },
    ]);
    await waitFor(() =>
      expect((screen.getByRole("combobox", { name: "Keel status for クローズ" }) as HTMLSelectElement).value).toBe(
        "done",
      ),
    );
    await fireEvent.click(screen.getByRole("button", { name: "Import 1 feature" }));
    await waitFor(() => expect(imported).toHaveLength(1));
    expect(imported[0]?.statuses).toEqual([
      { value: "クローズ", status: "done" },
      { value: "Niet begonnen", status: "planned" },
    ]);
  });
});
