// The one door between the UI and the Rust commands: every call goes through here, and every
// failure comes out as a BackendError with a code the UI can branch on and a sentence to show.
import {
  commands,
  type ActualData,
  type AppInfo,
  type CommandError,
  type ErrorCode,
  type ExportFormat,
  type Feature,
  type FeatureData,
  type Item,
  type LeanCanvas,
  type MilestoneData,
  type PlanData,
  type PlanContents,
  type PlanView,
  type PriorityView,
  type RankedFeature,
  type RecentPlan,
  type TeamData,
  type TractionGoal,
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
  updatePlan: (data: PlanData): Promise<PlanView> => call(commands.updatePlan(data)),
  updateCanvas: (canvas: LeanCanvas): Promise<LeanCanvas> => call(commands.updateCanvas(canvas)),
  createTeam: (data: TeamData): Promise<Item<TeamData>> => call(commands.createTeam(data)),
  updateTeam: (id: number, data: TeamData): Promise<Item<TeamData>> => call(commands.updateTeam(id, data)),
  deleteTeam: (id: number): Promise<null> => call(commands.deleteTeam(id)),
  createMilestone: (data: MilestoneData): Promise<Item<MilestoneData>> => call(commands.createMilestone(data)),
  updateMilestone: (id: number, data: MilestoneData): Promise<Item<MilestoneData>> =>
    call(commands.updateMilestone(id, data)),
  deleteMilestone: (id: number): Promise<null> => call(commands.deleteMilestone(id)),
  setGoal: (goal: TractionGoal): Promise<TractionGoal> => call(commands.setGoal(goal)),
  clearGoal: (): Promise<null> => call(commands.clearGoal()),
  /** The 10x ladder a goal implies; nothing is saved. */
  suggestLadder: async (goal: TractionGoal): Promise<MilestoneData[]> => {
    try {
      return await commands.suggestLadder(goal);
    } catch (e) {
      throw new BackendError("ipc", `Keel's core could not be reached: ${String(e)}`);
    }
  },
  createActual: (data: ActualData): Promise<Item<ActualData>> => call(commands.createActual(data)),
  updateActual: (id: number, data: ActualData): Promise<Item<ActualData>> => call(commands.updateActual(id, data)),
  deleteActual: (id: number): Promise<null> => call(commands.deleteActual(id)),
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
  listFeatures: (): Promise<Feature[]> => call(commands.listFeatures()),
  createFeature: (data: FeatureData): Promise<Feature> => call(commands.createFeature(data)),
  updateFeature: (id: number, data: FeatureData): Promise<Feature> => call(commands.updateFeature(id, data)),
  deleteFeature: (id: number): Promise<null> => call(commands.deleteFeature(id)),
  moveFeature: (id: number, position: number): Promise<Feature> => call(commands.moveFeature(id, position)),
  rankFeatures: (view: PriorityView): Promise<RankedFeature[]> => call(commands.rankFeatures(view)),
  recentPlans: (): Promise<RecentPlan[]> => call(commands.recentPlans()),
  /** The file commands open native dialogs; they resolve to null when cancelled. */
  newPlan: (): Promise<PlanView | null> => call(commands.newPlan()),
  openPlan: (): Promise<PlanView | null> => call(commands.openPlan()),
  openRecent: (index: number): Promise<PlanView> => call(commands.openRecent(index)),
  /** Removes a recent plan from the list (never the file); resolves to the list as it is then. */
  forgetRecent: (index: number): Promise<RecentPlan[]> => call(commands.forgetRecent(index)),
  openSample: (): Promise<PlanView> => call(commands.openSample()),
  savePlanAs: (): Promise<PlanView | null> => call(commands.savePlanAs()),
  /** Opens the native save dialog; resolves to the path written, or null when cancelled. */
  exportPlan: (format: ExportFormat): Promise<string | null> => call(commands.exportPlan(format)),
  // One wrapper for each generated command, no more and no fewer (checked by the type check).
} satisfies Record<keyof typeof commands, unknown>;
