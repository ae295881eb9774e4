// Syncing through a shared folder: linking it, then a pass every few seconds that takes
// teammates' changes as they arrive and puts this copy's there.
import { asBackendError } from "../backend";
import type { PlanEditor } from "../editor.svelte";
import type { Workspace } from "../workspace.svelte";

export const SYNC_EVERY_MS = 3000;

/** Asks for a folder and links the open plan to it. */
export async function linkSync(ws: Workspace): Promise<void> {
  try {
    await ws.editor.linkSyncFolder();
    ws.fileError = null;
  } catch (e) {
    ws.fileError = asBackendError(e);
  }
}

/** Syncs the linked plan every SYNC_EVERY_MS; returns the function that stops it. */
export function keepSyncing(editor: PlanEditor): () => void {
  const timer = setInterval(() => {
    if (editor.sync.folder !== null) void editor.syncNow();
  }, SYNC_EVERY_MS);
  return () => clearInterval(timer);
}
