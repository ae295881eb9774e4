import { clearMocks } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { PlanEditor } from "../lib/editor.svelte";
import { seal } from "../testing/recorded/seal";
import { sealed } from "../testing/recorded/sealed";
import { replay } from "../testing/replay";
import SyncBadge from "./SyncBadge.svelte";

afterEach(() => clearMocks());

/** Linked to a folder Dana sealed, or (`open`) to one nobody sealed yet. */
async function linked(open = false) {
  replay(open ? seal : sealed);
  const editor = new PlanEditor();
  await editor.load();
  await editor.linkSyncFolder();
  render(SyncBadge, { editor });
  return editor;
}

describe("SyncBadge", () => {
  it("asks for the passphrase of a sealed folder and keeps the dialog open on a wrong one", async () => {
    const editor = await linked();
    await fireEvent.click(screen.getByTestId("sync-locked"));
    const field = screen.getByLabelText("Passphrase");
    await fireEvent.input(field, { target: { value: "a guess" } });
    await fireEvent.click(screen.getByRole("button", { name: "Open" }));
    expect((await screen.findByRole("alert")).textContent).toContain("That passphrase does not open this sync folder");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    await fireEvent.input(field, { target: { value: "the team's passphrase" } });
    await fireEvent.click(screen.getByRole("button", { name: "Open" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(editor.sync.locked).toBe(false);
    expect(screen.getByText(/Synced through a sealed folder/)).toBeTruthy();
  });

  it("seals an open folder only when the passphrase is typed the same twice", async () => {
    const editor = await linked(true);
    await fireEvent.click(screen.getByTestId("seal-sync"));
    await fireEvent.input(screen.getByLabelText("Passphrase"), { target: { value: "a long team passphrase" } });
    await fireEvent.input(screen.getByLabelText("The same passphrase again"), {
      target: { value: "a long team passphrase!" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Seal the folder" }));
    expect(screen.getByRole("alert").textContent).toBe("The two passphrases differ.");
    expect(editor.sync.sealed).toBe(false);
    await fireEvent.input(screen.getByLabelText("The same passphrase again"), {
      target: { value: "a long team passphrase" },
    });
    await fireEvent.click(screen.getByRole("button", { name: "Seal the folder" }));
    await waitFor(() => expect(editor.sync.sealed).toBe(true));
    expect(screen.queryByTestId("seal-sync")).toBeNull();
  });
});
