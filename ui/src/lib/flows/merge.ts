// Merging a teammate's copy: what it brought shows in the merge dialog.
import type { Workspace } from "../workspace.svelte";
import { reported } from "./files";

export async function merge(ws: Workspace): Promise<void> {
  const result = await reported(ws, () => ws.editor.mergeTeammate());
  if (result) ws.merged = { incoming: result.incoming, conflicts: result.conflicts };
}
