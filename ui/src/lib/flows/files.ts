// Opening another plan (new, open, save as, the sample, a recent one): the current plan stays
// open when it fails, and the failure shows in the window (as for sync and merge).
import type { PlanView } from "../../bindings";
import { asBackendError } from "../backend";
import type { Workspace } from "../workspace.svelte";

/** Runs a file, sync or merge action: its failure shows in the window (the open plan stays),
 *  and a success clears the last one. Resolves to what it answered, or null when it failed. */
export async function reported<T>(ws: Workspace, action: () => Promise<T>): Promise<T | null> {
  try {
    const answer = await action();
    ws.fileError = null;
    return answer;
  } catch (e) {
    ws.fileError = asBackendError(e);
    return null;
  }
}

/** Runs a file action; when it opened a plan, the window shows that one. */
export async function runFile(ws: Workspace, action: () => Promise<PlanView | null>): Promise<void> {
  const opened = await reported(ws, action);
  if (opened) {
    ws.panel = null;
    await ws.editor.reopen();
  }
}
