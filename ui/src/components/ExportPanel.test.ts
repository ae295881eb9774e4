import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import ExportPanel from "./ExportPanel.svelte";

afterEach(() => clearMocks());

/** A blob's text (jsdom's Blob has no text()). */
const read = (blob: Blob) =>
  new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

describe("ExportPanel", () => {
  it("asks the backend for the chosen format and says where the file went", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      asked.push({ cmd, args });
      return "/home/founder/Loomline plan.pdf";
    });
    render(ExportPanel);
    await fireEvent.click(screen.getByRole("button", { name: "Export PDF…" }));
    expect(await screen.findByText("Saved to /home/founder/Loomline plan.pdf")).toBeTruthy();
    expect(asked).toEqual([{ cmd: "export_plan", args: { format: "pdf", findings: false } }]);
  });

  it("leaves the plan check out of the investor PDF unless the founder includes it", async () => {
    const asked: unknown[] = [];
    mockIPC((cmd, args) => {
      asked.push(args);
      return "/home/founder/plan.pdf";
    });
    render(ExportPanel);
    const boxes = screen.getAllByRole("checkbox", { name: "Include the plan check" });
    expect(boxes.map((b) => (b as HTMLInputElement).checked)).toEqual([false, true, false, false]);
    const [pdfBox] = boxes;
    if (!pdfBox) throw new Error("the PDF's plan check box");
    await fireEvent.click(pdfBox);
    await fireEvent.click(screen.getByRole("button", { name: "Export PDF…" }));
    await screen.findByText("Saved to /home/founder/plan.pdf");
    expect(asked).toEqual([{ format: "pdf", findings: true }]);
  });

  it("says so when the dialog was cancelled, and shows the core's error", async () => {
    mockIPC(() => null);
    render(ExportPanel);
    await fireEvent.click(screen.getByRole("button", { name: "Export Markdown…" }));
    expect(await screen.findByText("Export cancelled; nothing was written.")).toBeTruthy();
    clearMocks();
    mockIPC(() => {
      throw { code: "io", message: "/x/plan.md cannot be written: Permission denied." };
    });
    await fireEvent.click(screen.getByRole("button", { name: "Export CSV…" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Permission denied");
  });

  it("copies the update as HTML and as text, for an e-mail", async () => {
    const update = "# Loomline — investor update\n\n## Traction\n\n- $900 MRR, #3 in the list";
    mockIPC((cmd, args) => {
      expect(cmd).toBe("update_text");
      expect(args).toEqual({ findings: false });
      return update;
    });
    const written: Record<string, string> = {};
    // As the Clipboard API has it: each part a Blob or the promise of one.
    class Item {
      constructor(public parts: Record<string, Blob | Promise<Blob>>) {}
    }
    vi.stubGlobal("ClipboardItem", Item);
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: {
        write: async (items: Item[]) => {
          for (const [type, blob] of Object.entries(items[0]?.parts ?? {})) written[type] = await read(await blob);
        },
      },
    });
    render(ExportPanel);
    await fireEvent.click(screen.getByRole("button", { name: "Copy update" }));
    expect(await screen.findByText("The update is copied: paste it into an e-mail.")).toBeTruthy();
    expect(written["text/plain"]).toBe(update);
    expect(written["text/html"]).toContain("<h2>Traction</h2>");
    expect(written["text/html"]).toContain("<li>$900 MRR, #3 in the list</li>");
    vi.unstubAllGlobals();
  });
});
