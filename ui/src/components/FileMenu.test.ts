import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import type { RecentPlan } from "../bindings";
import FileMenu from "./FileMenu.svelte";

afterEach(() => clearMocks());

describe("FileMenu", () => {
  it("offers to remove a recent plan whose file is gone, and opens the others", async () => {
    let recent: RecentPlan[] = [
      { name: "acme.keel", path: "/plans/acme.keel", missing: false },
      { name: "old.keel", path: "/plans/old.keel", missing: true },
    ];
    const calls: { cmd: string; args: unknown }[] = [];
    mockIPC((cmd, args) => {
      calls.push({ cmd, args });
      if (cmd === "recent_plans") return recent;
      if (cmd === "forget_recent") {
        recent = recent.filter((_, i) => i !== (args as { index: number }).index);
        return recent;
      }
      return null;
    });
    render(FileMenu, { run: async () => {} });
    await fireEvent.click(screen.getByRole("button", { name: "File ▾" }));
    const remove = await screen.findByRole("menuitem", { name: "Remove old.keel from recent plans" });
    expect(screen.getByRole("menuitem", { name: "acme.keel" })).toBeTruthy();
    await fireEvent.click(remove);
    // Every step of the removal settles before the next task.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls.at(-1)).toEqual({ cmd: "forget_recent", args: { index: 1 } });
    expect(screen.getByRole("menuitem", { name: "acme.keel" })).toBeTruthy();
    expect(screen.queryByText("old.keel"), "the missing plan is off the list").toBeNull();
  });

  it("offers to merge a teammate's copy and closes when chosen", async () => {
    mockIPC(() => []);
    let merges = 0;
    render(FileMenu, { run: async () => {}, onmerge: () => (merges += 1) });
    await fireEvent.click(screen.getByRole("button", { name: "File ▾" }));
    await fireEvent.click(await screen.findByRole("menuitem", { name: "Merge a teammate's copy…" }));
    expect(merges).toBe(1);
    expect(screen.queryByRole("menu"), "the menu closes").toBeNull();
  });
});
