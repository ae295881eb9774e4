import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import App from "./App.svelte";

afterEach(() => clearMocks());

describe("App", () => {
  it("shows the core's message instead of a blank screen when no plan could be opened", async () => {
    mockIPC(() => {
      throw { code: "no_plan_open", message: "No plan is open: /x.keel is not a Keel plan." };
    });
    render(App);
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getByText("No plan is open: /x.keel is not a Keel plan.")).toBeTruthy();
  });
});
