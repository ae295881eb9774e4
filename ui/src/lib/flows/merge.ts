// Merging a teammate's copy: what it brought shows in the merge dialog.
import { asBackendError } from "../backend";
import type { Workspace } from "../workspace.svelte";

export async function merge(ws: Workspace): Promise<void> {
  try {
    const result = await ws.editor.mergeTeammate();
    ws.fileError = null;
    if (result) ws.merged = { incoming: result.incoming, conflicts: result.conflicts };
  } catch (e) {
    ws.fileError = asBackendError(e);
  }
}
