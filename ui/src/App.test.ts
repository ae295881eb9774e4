import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import App from "./App.svelte";
import { fakeCore } from "./testing/fakeCore";

afterEach(() => clearMocks());

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
    fakeCore();
    render(App);
    expect(await screen.findByText("▲ 1 warning")).toBeTruthy();
    expect(screen.getByText("✖ 0 errors")).toBeTruthy();
    expect(screen.getByLabelText("1 findings")).toBeTruthy();
  });

  it("opens the command palette with Ctrl+K and runs what is chosen from the keyboard", async () => {
    fakeCore({ titles: ["Onboarding", "Billing"] });
    render(App);
    await screen.findByText("▲ 1 warning");
    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    const input = await screen.findByRole("combobox");
    await fireEvent.input(input, { target: { value: "history" } });
    await fireEvent.keyDown(input, { key: "Enter" });
    await waitFor(() => expect(screen.getByRole("heading", { level: 1, name: "History" })).toBeTruthy());
    expect(screen.queryByRole("combobox"), "the palette closes").toBeNull();

    await fireEvent.keyDown(window, { key: "k", ctrlKey: true });
    await fireEvent.input(await screen.findByRole("combobox"), { target: { value: "billing" } });
    await fireEvent.keyDown(screen.getByRole("combobox"), { key: "Enter" });
    await waitFor(() => expect(screen.getByRole("heading", { level: 1, name: "Features" })).toBeTruthy());
    expect(await screen.findByDisplayValue("Billing"), "the feature opens in its panel").toBeTruthy();
  });
});
