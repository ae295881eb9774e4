// The one door between the UI and the Rust commands: every call goes through here, and every
// failure comes out as a BackendError with a code the UI can branch on and a sentence to show.
//
// Who calls what: whatever changes the plan goes through the editor (lib/editor.svelte.ts),
// whose queue keeps edits in order and takes each answer; opening another plan, syncing,
// merging and choosing a file to import go through the workspace's flows (lib/flows/). A
// component calls `backend` itself only to read what it alone shows (the help, a preview, a
// comparison, an export it writes). backend.test.ts checks that no component calls a command
// that changes the plan. Errors: what is caught is `asBackendError(e)`, shown by its message.
import {
  commands,
  events,
  type ActualsImport,
  type ActualsOptions,
  type AppInfo,
  type Author,
  type CommandError,
  type Comparison,
  type Conflict,
  type DeletedFeature,
  type Edited,
  type ErrorCode,
  type ExportFormat,
  type FeatureImport,
  type FeatureOptions,
  type Help,
  type ImportedEdit,
  type ImportKind,
  type LogPage,
  type MergedEdit,
  type MilestoneData,
  type Operation,
  type PlanContents,
  type PlanOpened,
  type PlanView,
  type PriorityView,
  type RankedFeature,
  type RecentPlan,
  type Since,
  type SyncStatus,
  type TractionGoal,
  type Version,
} from "../bindings";

export type BackendErrorCode = ErrorCode | "ipc";

export class BackendError extends Error {
  readonly code: BackendErrorCode;
  /** For a validation error, the stable key of the field it is about ("title", "lifetime_months"). */
  readonly field: string | null;

  constructor(code: BackendErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = "BackendError";
    this.code = code;
    this.field = field;
  }
}

type Outcome<T> = { status: "ok"; data: T } | { status: "error"; error: CommandError };

function isCommandError(value: unknown): value is CommandError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/**
 * Calls `handler` each time the system opens a plan in the running app (a second launch, or a
 * file opened from Finder): with `error` null the plan is open now, else the open one stayed.
 * Resolves to the function that stops listening.
 */
export async function onPlanOpened(handler: (news: PlanOpened) => void): Promise<() => void> {
  try {
    const stop = await events.planOpened.listen((event) => handler(event.payload));
    // Stopping runs as the window's page goes away; a failure then has no one to tell.
    return () =>
      void Promise.resolve()
        .then(stop)
        .catch(() => {});
  } catch (e) {
    // The window works without it; only plans opened from outside would not show here.
    console.warn("Keel cannot hear of plans opened from the system:", e);
    return () => {};
  }
}

/** Any failure as a BackendError: what the core refused keeps its code and sentence; anything
 *  else is "ipc", said as such. */
export function asBackendError(e: unknown): BackendError {
  return e instanceof BackendError ? e : new BackendError("ipc", `Something went wrong: ${String(e)}`);
}

/** Turns a command's outcome into its data, or throws a BackendError. */
export async function call<T>(outcome: Promise<Outcome<T>>): Promise<T> {
  let result: Outcome<T>;
  try {
    result = await outcome;
  } catch (e) {
    throw new BackendError("ipc", `Keel's core could not be reached: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (result.status === "ok") return result.data;
  const error: unknown = result.error;
  if (isCommandError(error)) throw new BackendError(error.code, error.message, error.field ?? null);
  throw new BackendError("ipc", `Keel's core refused the call: ${String(error)}`);
}

export const backend = {
  /** The open plan and everything computed from it: the UI's one read. With `first`, only the
   *  `first` top-ranked features come (the first screen's); `complete` is then false. */
  loadPlan: (first: number | null = null): Promise<PlanContents> => call(commands.loadPlan(first)),
  /** Applies one operation of the core; resolves to what changed and the new analysis. */
  apply: (op: Operation): Promise<Edited> => call(commands.apply(op)),
  /** Takes back (or brings again) your last operation; null when there is none. */
  undo: (): Promise<Edited | null> => call(commands.undo()),
  redo: (): Promise<Edited | null> => call(commands.redo()),
  /** A page of the plan's history, newest first. */
  history: (offset: number, limit: number): Promise<LogPage> => call(commands.history(offset, limit)),
  versions: (): Promise<Version[]> => call(commands.versions()),
  markVersion: (label: string): Promise<Version[]> => call(commands.markVersion(label)),
  /** Version `from` against version `to`, or against now when `to` is null. */
  compareVersions: (from: string, to: string | null): Promise<Comparison> => call(commands.compareVersions(from, to)),
  followSince: (on: boolean): Promise<Since | null> => call(commands.followSince(on)),
  /** Who you are: the name your edits are signed with (null until given) and a suggestion. */
  author: (): Promise<Author> => call(commands.author()),
  setAuthor: (name: string): Promise<Author> => call(commands.setAuthor(name)),
  /** The 10x ladder a goal implies; nothing is saved. */
  suggestLadder: async (goal: TractionGoal): Promise<MilestoneData[]> => {
    try {
      return await commands.suggestLadder(goal);
    } catch (e) {
      throw new BackendError("ipc", `Keel's core could not be reached: ${String(e)}`);
    }
  },
  setFullscreen: (on: boolean): Promise<null> => call(commands.setFullscreen(on)),
  /** Tells the app its first plan is on screen, and how long reading and drawing it took. */
  uiReady: async (readMs: number, renderMs: number): Promise<void> => {
    try {
      await commands.uiReady(readMs, renderMs);
    } catch {
      // Only a measurement: nothing to show the founder.
    }
  },
  appInfo: async (): Promise<AppInfo> => {
    try {
      return await commands.appInfo();
    } catch (e) {
      throw new BackendError("ipc", `Keel's core could not be reached: ${String(e)}`);
    }
  },
  /** Short help on Keel's ideas and each plan-check rule, as the core words it. */
  help: async (): Promise<Help> => {
    try {
      return await commands.help();
    } catch (e) {
      throw new BackendError("ipc", `Keel's core could not be reached: ${String(e)}`);
    }
  },
  rankFeatures: (view: PriorityView): Promise<RankedFeature[]> => call(commands.rankFeatures(view)),
  recentPlans: (): Promise<RecentPlan[]> => call(commands.recentPlans()),
  /** The file commands open native dialogs; they resolve to null when cancelled. */
  newPlan: (): Promise<PlanView | null> => call(commands.newPlan()),
  openPlan: (): Promise<PlanView | null> => call(commands.openPlan()),
  mergeTeammate: (): Promise<MergedEdit | null> => call(commands.mergeTeammate()),
  /** Asks for the file to import (the backend keeps it); its name, null when cancelled. */
  pickImportFile: (kind: ImportKind): Promise<string | null> => call(commands.pickImportFile(kind)),
  previewFeatureImport: (options: FeatureOptions): Promise<FeatureImport> =>
    call(commands.previewFeatureImport(options)),
  importFeatures: (options: FeatureOptions): Promise<ImportedEdit<FeatureImport>> =>
    call(commands.importFeatures(options)),
  previewTractionImport: (options: ActualsOptions): Promise<ActualsImport> =>
    call(commands.previewTractionImport(options)),
  importTraction: (options: ActualsOptions): Promise<ImportedEdit<ActualsImport>> =>
    call(commands.importTraction(options)),
  /** Conflicts merges found, not settled yet, newest first. */
  conflicts: (): Promise<Conflict[]> => call(commands.conflicts()),
  deletedFeatures: (): Promise<DeletedFeature[]> => call(commands.deletedFeatures()),
  /** Takes the value the history did not keep (or restores the deleted feature): one edit. */
  takeOtherValue: (id: number): Promise<Edited> => call(commands.takeOtherValue(id)),
  /** Keeps what the history holds; resolves to the conflicts left. */
  keepConflict: (id: number): Promise<Conflict[]> => call(commands.keepConflict(id)),
  linkSyncFolder: (): Promise<SyncStatus | null> => call(commands.linkSyncFolder()),
  syncNow: (): Promise<SyncStatus> => call(commands.syncNow()),
  unlinkSyncFolder: (): Promise<null> => call(commands.unlinkSyncFolder()),
  unlockSyncFolder: (passphrase: string): Promise<SyncStatus> => call(commands.unlockSyncFolder(passphrase)),
  sealSyncFolder: (passphrase: string): Promise<SyncStatus> => call(commands.sealSyncFolder(passphrase)),
  openRecent: (index: number): Promise<PlanView> => call(commands.openRecent(index)),
  /** Removes a recent plan from the list (never the file); resolves to the list as it is then. */
  forgetRecent: (index: number): Promise<RecentPlan[]> => call(commands.forgetRecent(index)),
  openSample: (): Promise<PlanView> => call(commands.openSample()),
  savePlanAs: (): Promise<PlanView | null> => call(commands.savePlanAs()),
  /** Opens the native save dialog; resolves to the path written, or null when cancelled. */
  /** The investor update since the latest version, as e-mail-safe Markdown. */
  updateText: (findings: boolean): Promise<string> => call(commands.updateText(findings)),
  exportPlan: (format: ExportFormat, findings: boolean | null = null): Promise<string | null> =>
    call(commands.exportPlan(format, findings)),
  // One wrapper for each generated command, no more and no fewer (checked by the type check).
} satisfies Record<keyof typeof commands, unknown>;
