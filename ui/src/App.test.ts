import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import App from "./App.svelte";
import { window as opened } from "./testing/recorded/window";
import { window_reopened } from "./testing/recorded/window_reopened";
import { window_since } from "./testing/recorded/window_since";
import { replay } from "./testing/replay";

afterEach(() => clearMocks());

const PALETTE = "Type an action or a feature's title";
describe("App", () => {
  it("shows the core's message instead of a blank screen when no plan could be opened", async () => {
    mockIPC(() => {
      throw { code: "no_plan_open", message: "No plan is open." };
    });
    render(App);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByText("No plan is open.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Try again" })).toBeTruthy();
  });

  it("says a plan from a newer Keel needs an update, and offers another plan instead of a retry", async () => {
    const message =
      "/x.keel was written by a newer version of Keel (plan format 9; this Keel reads up to 1). Update Keel to open it; the file was left untouched.";
    mockIPC(() => {
      throw { code: "newer_version", message, field: null };
    });
    render(App);
    expect(await screen.findByRole("heading", { name: "This plan needs a newer Keel" })).toBeTruthy();
    expect(screen.getByText(message)).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Try again" }), "retrying cannot help").toBeNull();
    expect(screen.getByRole("button", { name: "Open another plan…" })).toBeTruthy();
  });

  it("says a damaged start plan is damaged and opens another from the dialog", async () => {
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (cmd === "load_plan")
        throw {
          code: "corrupt",
          message: "The plan file /x.keel is damaged (integrity check); it was left untouched.",
          field: null,
        };
      return null;
    });
    render(App);
    const open = await screen.findByRole("button", { name: "Open another plan…" });
    expect(screen.getByRole("heading", { name: "This plan file is damaged" })).toBeTruthy();
    open.click();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toContain("open_plan");
  });

  it("shows the core's counts of the plan check's findings from the first screen on", async () => {
    replay(opened);
    render(App);
    expect(await screen.findByText("▲ 1 warning")).toBeTruthy();
    expect(screen.getByText("✖ 1 error")).toBeTruthy();
    expect(screen.getByLabelText("3 findings")).toBeTruthy();
  });

  it("opens the command palette with Ctrl+K and runs what is chosen from the keyboard", async () => {
    replay(opened);
    render(App);
    await screen.findByText("▲ 1 warning");
    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    const input = await screen.findByRole("combobox", { name: PALETTE });
    await fireEvent.input(input, { target: { value: "history" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(screen.getByRole("heading", { level: 1, name: "History" })).toBeTruthy());
    expect(screen.queryByRole("combobox", { name: PALETTE }), "the palette closes").toBeNull();

    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    await fireEvent.input(await screen.findByRole("combobox", { name: PALETTE }), { target: { value: "concierge" } });
    await fireEvent.keyDown(screen.getByRole("combobox", { name: PALETTE }), { key: "Enter" });
    await waitFor(() => expect(screen.getByRole("heading", { level: 1, name: "Features" })).toBeTruthy());
    expect(await screen.findByDisplayValue("Concierge onboarding"), "the feature opens in its panel").toBeTruthy();
  });

  it("shows a plan the system opened while Keel runs, and keeps the open one when it cannot", async () => {
    const core = replay(window_reopened);
    render(App);
    expect(await screen.findByRole("heading", { level: 1, name: "Loomline" })).toBeTruthy();
    const reads = () => core.calls.filter((c) => c.cmd === "load_plan").length;
    const before = reads();

    await emit("plan-opened", {
      path: "/plans/weaver.keel",
      error: { code: "not_sqlite", message: "/plans/weaver.keel is not a Keel plan.", field: null },
    });
    expect(await screen.findByText("/plans/weaver.keel is not a Keel plan.")).toBeTruthy();
    expect(reads(), "nothing is read again when the plan stayed").toBe(before);

    // The plan the system opened is the recording's next read.
    await emit("plan-opened", { path: "/plans/weaver.keel", error: null });
    expect(await screen.findByRole("heading", { level: 1, name: "Weaver Co" })).toBeTruthy();
    expect(screen.queryByText("/plans/weaver.keel is not a Keel plan."), "the old error goes").toBeNull();
  });

  it("keeps a section as it was when another shows, and its history unread while hidden", async () => {
    const core = replay(opened);
    render(App);
    await screen.findByText("▲ 1 warning");
    const count = (cmd: string) => core.calls.filter((c) => c.cmd === cmd).length;
    const settled = () => new Promise((resolve) => setTimeout(resolve, 50));
    await fireEvent.click(screen.getByRole("button", { name: /History/ }));
    await waitFor(() => expect(count("history")).toBeGreaterThan(0));
    await settled();

    await fireEvent.click(screen.getByRole("button", { name: /Features/ }));
    const search = await screen.findByPlaceholderText("Search features");
    await fireEvent.input(search, { target: { value: "conc" } });
    await fireEvent.click(screen.getByRole("button", { name: /Roadmap/ }));
    await screen.findByRole("heading", { level: 1, name: "Roadmap" });
    await fireEvent.click(screen.getByRole("button", { name: /Features/ }));
    expect(screen.getByPlaceholderText<HTMLInputElement>("Search features").value).toBe("conc");
    expect(screen.getByPlaceholderText("Search features"), "the same field, not a new one").toBe(search);

    // An edit while History is hidden: shown, History reads after each one.
    const reads = count("history");
    await fireEvent.click(screen.getByRole("button", { name: "Concierge onboarding" }));
    const title = await screen.findByLabelText("Title");
    await fireEvent.input(title, { target: { value: "Concierge onboarding v2" } });
    await fireEvent.change(title);
    await waitFor(() => expect(count("apply")).toBe(1));
    await settled();
    expect(count("history"), "History, hidden, read nothing").toBe(reads);

    await fireEvent.click(screen.getByRole("button", { name: /History/ }));
    await waitFor(() => expect(count("history"), "and reads again when it shows").toBe(reads + 1));
  });
});

describe("Since the last version", () => {
  it("is followed while the Overview shows, each edit bringing it, with no read of its own", async () => {
    const core = replay(window_since);
    render(App);
    await screen.findByText("▲ 1 warning");
    const follows = () => core.calls.filter((c) => c.cmd === "follow_since").map((c) => c.args.on);
    await waitFor(() => expect(follows().at(-1), "the Overview shows first").toBe(true));

    await fireEvent.click(screen.getByRole("button", { name: /History/ }));
    await waitFor(() => expect(follows().at(-1)).toBe(false));
    await fireEvent.input(await screen.findByPlaceholderText("Board meeting Q4"), { target: { value: "Board" } });
    await fireEvent.click(screen.getByRole("button", { name: "Mark version" }));
    await fireEvent.click(screen.getByRole("button", { name: /Features/ }));
    await fireEvent.click(await screen.findByRole("button", { name: "Talk to twenty weavers" }));
    const title = await screen.findByLabelText("Title");
    await fireEvent.input(title, { target: { value: "Activation" } });
    await fireEvent.change(title);
    await waitFor(() => expect(core.writes()).toContain("update_feature"));

    await fireEvent.click(screen.getByRole("button", { name: /Overview/ }));
    await waitFor(() => expect(follows().at(-1)).toBe(true));
    const card = await screen.findByTestId("since");
    expect(card.textContent).toContain("Activation");
    await fireEvent.keyDown(window, { key: "z", ctrlKey: true });
    await waitFor(() => expect(core.writes()).toContain("undo"));
    await waitFor(() => expect(card.textContent).not.toContain("Activation"));
    expect(
      core.calls.filter((c) => c.cmd === "compare_versions"),
      "the undo's answer carried it",
    ).toEqual([]);
  });
});

describe("Help and theme", () => {
  it("opens the help at a plan-check rule from its finding, and switches the theme from the sidebar", async () => {
    replay(opened);
    render(App);
    await screen.findByText("▲ 1 warning");
    await fireEvent.click(screen.getByRole("button", { name: "Help and shortcuts" }));
    expect(await screen.findByRole("heading", { name: "Minimum Success Criteria" })).toBeTruthy();
    expect(screen.getByText("Ctrl+Z")).toBeTruthy();
    await fireEvent.keyDown(window, { key: "Escape" });
    const check = document.querySelector("nav button[data-section=check]");
    if (!check) throw new Error("no Plan check in the navigation");
    await fireEvent.click(check);
    await fireEvent.click(await screen.findByRole("button", { name: "Help: rule K002" }));
    const rule = await screen.findByRole("heading", { name: /No recent actual/ });
    expect(rule.closest("section")?.className, "the rule asked about is marked").toContain("asked");
    await fireEvent.keyDown(window, { key: "Escape" });
    const theme = screen.getByRole("combobox", { name: "Theme" });
    await fireEvent.change(theme, { target: { value: "dark" } });
    expect(document.documentElement.dataset.theme).toBe("dark");
    await fireEvent.change(theme, { target: { value: "light" } });
    expect(document.documentElement.dataset.theme).toBe("light");
  });
});
