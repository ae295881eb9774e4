// Opening another plan (new, open, save as, the sample, a recent one): the current plan stays
// open when it fails, and the failure shows in the window.
import type { PlanView } from "../../bindings";
import { asBackendError } from "../backend";
import type { Workspace } from "../workspace.svelte";

/** Runs a file action; when it opened a plan, the window shows that one. */
export async function runFile(ws: Workspace, action: () => Promise<PlanView | null>): Promise<void> {
  try {
    const opened = await action();
    ws.fileError = null;
    if (opened) {
      ws.panel = null;
      await ws.editor.reopen();
    }
  } catch (e) {
    ws.fileError = asBackendError(e);
  }
}
