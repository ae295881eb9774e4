import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import type { PlanView } from "../bindings";
import { BackendError, backend } from "./backend";

afterEach(() => clearMocks());

const view: PlanView = {
  plan: {
    data: {
      company_name: "Loomline",
      tagline: "",
      vision: "",
      strategy: "",
      stage: "mvp",
      currency: "USD",
      start_date: "2025-05-01",
    },
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
  },
  file_name: "plan.keel",
  path: "/plans/plan.keel",
  read_only: null,
  refusal: null,
};

describe("backend", () => {
  it("returns a command's data and sends its arguments by name", async () => {
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      return cmd === "open_recent" ? view : null;
    });
    await expect(backend.openRecent(2)).resolves.toEqual(view);
    await backend.apply({ op: "delete_feature", id: "7@1f" });
    expect(calls).toEqual([
      { cmd: "open_recent", args: { index: 2 } },
      { cmd: "apply", args: { op: { op: "delete_feature", id: "7@1f" } } },
    ]);
  });

  it("turns a command's error into a BackendError with its code and message", async () => {
    mockIPC(() => {
      throw { code: "validation", message: "Title: must not be empty.", field: "title" };
    });
    const error = await backend.versions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "validation", message: "Title: must not be empty.", field: "title" });
  });

  it("reports a refusal that is not a command error (an IPC failure) as code ipc", async () => {
    mockIPC(() => {
      throw "command versions not allowed by ACL";
    });
    const error = await backend.versions().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error).toMatchObject({ code: "ipc" });
    expect((error as BackendError).message).toContain("not allowed by ACL");
  });
});

describe("who calls the backend", () => {
  // What changes the plan (or opens another) goes through the editor or the workspace's flows;
  // see the rule at the top of backend.ts.
  const changing = [
    "apply",
    "undo",
    "redo",
    "markVersion",
    "setAuthor",
    "importFeatures",
    "importTraction",
    "mergeTeammate",
    "syncNow",
    "linkSyncFolder",
    "unlinkSyncFolder",
    "unlockSyncFolder",
    "sealSyncFolder",
    "takeOtherValue",
    "keepConflict",
    "pickImportFile",
  ];
  const sources = import.meta.glob<string>("../components/*.svelte", { query: "?raw", import: "default", eager: true });

  it("no component calls a command that changes the plan", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
    for (const [file, text] of Object.entries(sources)) {
      const called = [...text.matchAll(/backend\.(\w+)/g)].map((m) => m[1]);
      expect(
        called.filter((c) => changing.includes(c ?? "")),
        file,
      ).toEqual([]);
    }
  });

  it("knows each of those commands", () => {
    for (const name of changing) expect(backend, name).toHaveProperty(name);
  });
});
