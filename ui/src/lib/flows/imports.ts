// Importing from a file: the file is chosen here, then its dialog previews it.
import type { ImportKind } from "../../bindings";
import { backend, asBackendError } from "../backend";
import type { Workspace } from "../workspace.svelte";

export async function pickImport(ws: Workspace, kind: ImportKind): Promise<void> {
  ws.importError = null;
  try {
    const file = await backend.pickImportFile(kind);
    ws.importing = file === null ? null : { kind, file };
  } catch (e) {
    ws.importError = asBackendError(e).message;
  }
}
