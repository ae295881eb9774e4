// Syncing through a shared folder: linking it, then a pass every few seconds that takes
// teammates' changes as they arrive and puts this copy's there.
import type { PlanEditor } from "../editor.svelte";
import type { Workspace } from "../workspace.svelte";
import { reported } from "./files";

export const SYNC_EVERY_MS = 3000;

/** Asks for a folder and links the open plan to it. */
export async function linkSync(ws: Workspace): Promise<void> {
  await reported(ws, () => ws.editor.linkSyncFolder());
}

/** Syncs the linked plan every SYNC_EVERY_MS; returns the function that stops it. */
export function keepSyncing(editor: PlanEditor): () => void {
  const timer = setInterval(() => {
    if (editor.sync.folder !== null) void editor.syncNow();
  }, SYNC_EVERY_MS);
  return () => clearInterval(timer);
}
