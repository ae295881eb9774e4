// The open plan as the window holds it, and every edit to it. Each edit saves at once through
// the backend, is recorded for undo, and is followed by a fresh read of what the core computes.
import type {
  ActualData,
  DatedValue,
  Feature,
  FeatureData,
  Finding,
  Horizon,
  Item,
  LeanCanvas,
  MilestoneData,
  PlanContents,
  PlanData,
  PlanView,
  RankedFeature,
  Suggestions,
  TeamData,
  TractionGoal,
  TractionReport,
} from "../bindings";
import { BackendError, backend } from "./backend";
import { History, type Edit } from "./history.svelte";
import { Ids } from "./ids";

/** How many top-ranked features the first screen (the Overview) shows, and the first read brings. */
export const FIRST_SCREEN = 5;

export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; what: string } | { kind: "failed"; message: string };

function messageOf(e: unknown): string {
  return e instanceof BackendError ? e.message : `Something went wrong: ${String(e)}`;
}

/**
 * An edit that creates one item: redo creates it (again), undo deletes it, and `ids` follows the
 * item from its first id to the one each redo gives it. `created()` is its first id.
 */
function creation(
  label: string,
  ids: Ids,
  create: () => Promise<{ id: number }>,
  remove: (id: number) => Promise<unknown>,
): Edit & { created(): number | null } {
  let first: number | null = null;
  return {
    label,
    created: () => first,
    redo: async () => {
      const { id } = await create();
      if (first === null) first = id;
      else ids.alias(ids.resolve(first), id);
    },
    undo: async () => {
      if (first !== null) await remove(ids.resolve(first));
    },
  };
}

export class PlanEditor {
  // Replaced whole after every read, never changed in place: raw state, so a 10,000-feature
  // plan is not wrapped in proxies.
  view = $state.raw<PlanView | null>(null);
  features = $state.raw<Feature[]>([]);
  ranking = $state.raw<RankedFeature[]>([]);
  findings = $state.raw<Finding[]>([]);
  traction = $state.raw<TractionReport | null>(null);
  canvas = $state.raw<LeanCanvas | null>(null);
  teams = $state.raw<Item<TeamData>[]>([]);
  milestones = $state.raw<Item<MilestoneData>[]>([]);
  goal = $state.raw<TractionGoal | null>(null);
  actuals = $state.raw<Item<ActualData>[]>([]);
  curve = $state.raw<DatedValue[]>([]);
  /** The date the core computed the analysis for: the plan's "today". */
  today = $state("");
  /** The core's defaults for a new goal, the next milestone and a new feature. */
  suggestions = $state.raw<Suggestions | null>(null);
  /** False while only the first screen's features are here (see `finishLoading`). */
  complete = $state(true);
  /** Why no plan could be shown. */
  loadError = $state.raw<BackendError | null>(null);
  save = $state<SaveState>({ kind: "idle" });
  readonly history = new History(100);
  readonly featureIds = new Ids();
  readonly teamIds = new Ids();
  readonly milestoneIds = new Ids();
  readonly actualIds = new Ids();
  #queue: Promise<unknown> = Promise.resolve();

  get readOnly(): string | null {
    return this.view?.read_only ?? null;
  }

  /** Reads the open plan and everything computed from it, in one command (or takes `pending`, a read already under way). */
  async load(pending?: Promise<PlanContents>) {
    try {
      const contents = await (pending ?? backend.loadPlan());
      const { view, document: plan, analysis } = contents;
      Object.assign(this, {
        view,
        features: plan.features,
        canvas: plan.canvas,
        teams: plan.teams,
        milestones: plan.milestones,
        goal: plan.goal,
        actuals: plan.actuals,
        ranking: analysis.ranking,
        findings: analysis.findings,
        traction: analysis.traction,
        curve: analysis.curve,
        today: analysis.as_of,
        suggestions: analysis.suggestions,
        complete: contents.complete,
      });
      this.loadError = null;
    } catch (e) {
      this.loadError = e instanceof BackendError ? e : new BackendError("ipc", messageOf(e));
    }
  }

  /** After a first-screen read: reads the whole plan, before any edit runs. */
  finishLoading(): Promise<void> {
    return this.complete ? Promise.resolve() : this.#serial(() => this.load());
  }

  /** After another plan was opened: forget the old plan's edits. */
  async reopen() {
    this.history.clear();
    this.featureIds.clear();
    this.teamIds.clear();
    this.milestoneIds.clear();
    this.actualIds.clear();
    this.save = { kind: "idle" };
    await this.load();
  }

  /** Runs one operation after the ones before it, so edits and undos never interleave. */
  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Applies an edit and records it; resolves to the error when the core refused it (a
   *  read-only plan included: the core says why, in its own words). */
  apply(edit: Edit): Promise<BackendError | null> {
    return this.#serial(async () => {
      this.save = { kind: "saving" };
      try {
        await edit.redo();
      } catch (e) {
        const error = e instanceof BackendError ? e : new BackendError("ipc", messageOf(e));
        this.save = { kind: "failed", message: error.message };
        return error;
      }
      this.history.record(edit);
      // "Saved" comes once the window shows what was saved.
      await this.load();
      this.save = { kind: "saved", what: edit.label };
      return null;
    });
  }

  undo(): Promise<void> {
    return this.#step("Undid", () => this.history.undo());
  }

  redo(): Promise<void> {
    return this.#step("Redid", () => this.history.redo());
  }

  #step(verb: string, run: () => Promise<Edit | null>): Promise<void> {
    return this.#serial(async () => {
      let saved: SaveState;
      try {
        const edit = await run();
        if (!edit) return;
        saved = { kind: "saved", what: `${verb} ${edit.label.charAt(0).toLowerCase()}${edit.label.slice(1)}` };
      } catch (e) {
        saved = { kind: "failed", message: messageOf(e) };
      }
      await this.load();
      this.save = saved;
    });
  }

  // The edits a founder can make. Each captures what it needs to revert itself.

  updatePlan(label: string, after: PlanData): Promise<BackendError | null> {
    const before = this.view?.plan.data;
    if (!before) return Promise.resolve(null);
    return this.apply({
      label,
      redo: async () => void (await backend.updatePlan(after)),
      undo: async () => void (await backend.updatePlan(before)),
    });
  }

  updateCanvas(label: string, after: LeanCanvas): Promise<BackendError | null> {
    const before = this.canvas;
    if (!before) return Promise.resolve(null);
    return this.apply({
      label,
      redo: async () => void (await backend.updateCanvas(after)),
      undo: async () => void (await backend.updateCanvas(before)),
    });
  }

  /** A feature's data with its team as the team is known now (a deleted team may be back). */
  #withTeam(data: FeatureData): FeatureData {
    return data.team_id === null ? data : { ...data, team_id: this.teamIds.resolve(data.team_id) };
  }

  updateFeature(id: number, label: string, after: FeatureData): Promise<BackendError | null> {
    const before = this.features.find((f) => f.id === id)?.data;
    if (!before) return Promise.resolve(null);
    return this.apply({
      label,
      redo: async () => void (await backend.updateFeature(this.featureIds.resolve(id), this.#withTeam(after))),
      undo: async () => void (await backend.updateFeature(this.featureIds.resolve(id), this.#withTeam(before))),
    });
  }

  /** Adds a feature; resolves to its id, or to the error that refused it. */
  async createFeature(data: FeatureData): Promise<{ id: number } | { error: BackendError }> {
    const edit = creation(
      `Add “${data.title.trim()}”`,
      this.featureIds,
      () => backend.createFeature(this.#withTeam(data)),
      (id) => backend.deleteFeature(id),
    );
    const error = await this.apply(edit);
    return error ? { error } : { id: edit.created() ?? 0 };
  }

  deleteFeature(id: number): Promise<BackendError | null> {
    const feature = this.features.find((f) => f.id === id);
    if (!feature) return Promise.resolve(null);
    return this.apply({
      label: `Delete “${feature.data.title}”`,
      redo: async () => void (await backend.deleteFeature(this.featureIds.resolve(id))),
      undo: async () => {
        const back = await backend.createFeature(this.#withTeam(feature.data));
        await backend.moveFeature(back.id, feature.position);
        this.featureIds.alias(this.featureIds.resolve(id), back.id);
      },
    });
  }

  async createTeam(data: TeamData): Promise<BackendError | null> {
    return this.apply(
      creation(
        `Add team “${data.name.trim()}”`,
        this.teamIds,
        () => backend.createTeam(data),
        (id) => backend.deleteTeam(id),
      ),
    );
  }

  updateTeam(id: number, label: string, after: TeamData): Promise<BackendError | null> {
    const before = this.teams.find((t) => t.id === id)?.data;
    if (!before) return Promise.resolve(null);
    return this.apply({
      label,
      redo: async () => void (await backend.updateTeam(this.teamIds.resolve(id), after)),
      undo: async () => void (await backend.updateTeam(this.teamIds.resolve(id), before)),
    });
  }

  /** Points `features` (by their first ids) at a team or milestone that undo brought back. */
  async #relink(features: number[], key: "team_id" | "milestone_id", to: number) {
    const current = await backend.listFeatures();
    for (const id of features) {
      const f = current.find((c) => c.id === this.featureIds.resolve(id));
      if (f) await backend.updateFeature(f.id, { ...f.data, [key]: to });
    }
  }

  /** Deletes a team; undo brings it back with the features that were on it. */
  deleteTeam(id: number): Promise<BackendError | null> {
    const team = this.teams.find((t) => t.id === id);
    if (!team) return Promise.resolve(null);
    const members = this.features.filter((f) => f.data.team_id === id).map((f) => f.id);
    return this.apply({
      label: `Delete team “${team.data.name}”`,
      redo: async () => void (await backend.deleteTeam(this.teamIds.resolve(id))),
      undo: async () => {
        const back = await backend.createTeam(team.data);
        this.teamIds.alias(this.teamIds.resolve(id), back.id);
        await this.#relink(members, "team_id", back.id);
      },
    });
  }

  /** Moves a feature on the roadmap: its horizon and its place in the manual order. */
  moveFeature(id: number, horizon: Horizon, position: number): Promise<BackendError | null> {
    const feature = this.features.find((f) => f.id === id);
    if (!feature) return Promise.resolve(null);
    const before = { horizon: feature.data.horizon, position: feature.position };
    const place = async (to: { horizon: Horizon; position: number }) => {
      const current = this.featureIds.resolve(id);
      const data = (await backend.listFeatures()).find((f) => f.id === current)?.data ?? feature.data;
      if (data.horizon !== to.horizon) await backend.updateFeature(current, { ...data, horizon: to.horizon });
      await backend.moveFeature(current, to.position);
    };
    const where = horizon === before.horizon ? "within" : `to ${horizon[0]?.toUpperCase()}${horizon.slice(1)}`;
    return this.apply({
      label: `Move “${feature.data.title}” ${where === "within" ? "in its column" : where}`,
      redo: () => place({ horizon, position }),
      undo: () => place(before),
    });
  }

  setGoal(after: TractionGoal): Promise<BackendError | null> {
    const before = this.goal;
    return this.apply({
      label: before ? "Edit the traction goal" : "Set the traction goal",
      redo: async () => void (await backend.setGoal(after)),
      undo: async () => void (before ? await backend.setGoal(before) : await backend.clearGoal()),
    });
  }

  /** Adds milestones (the suggested ladder, or one) as one edit. */
  addMilestones(label: string, list: MilestoneData[]): Promise<BackendError | null> {
    const created: number[] = [];
    return this.apply({
      label,
      redo: async () => {
        const fresh = [];
        for (const data of list) fresh.push((await backend.createMilestone(data)).id);
        fresh.forEach((id, i) => {
          const first = created[i];
          if (first === undefined) created.push(id);
          else this.milestoneIds.alias(this.milestoneIds.resolve(first), id);
        });
      },
      undo: async () => {
        for (const id of created) await backend.deleteMilestone(this.milestoneIds.resolve(id));
      },
    });
  }

  updateMilestone(id: number, label: string, after: MilestoneData): Promise<BackendError | null> {
    const before = this.milestones.find((m) => m.id === id)?.data;
    if (!before) return Promise.resolve(null);
    return this.apply({
      label,
      redo: async () => void (await backend.updateMilestone(this.milestoneIds.resolve(id), after)),
      undo: async () => void (await backend.updateMilestone(this.milestoneIds.resolve(id), before)),
    });
  }

  deleteMilestone(id: number): Promise<BackendError | null> {
    const milestone = this.milestones.find((m) => m.id === id);
    if (!milestone) return Promise.resolve(null);
    const linked = this.features.filter((f) => f.data.milestone_id === id).map((f) => f.id);
    return this.apply({
      label: `Delete milestone “${milestone.data.name}”`,
      redo: async () => void (await backend.deleteMilestone(this.milestoneIds.resolve(id))),
      undo: async () => {
        const back = await backend.createMilestone(milestone.data);
        this.milestoneIds.alias(this.milestoneIds.resolve(id), back.id);
        await this.#relink(linked, "milestone_id", back.id);
      },
    });
  }

  addActual(data: ActualData): Promise<BackendError | null> {
    return this.apply(
      creation(
        `Record ${data.value} on ${data.date}`,
        this.actualIds,
        () => backend.createActual(data),
        (id) => backend.deleteActual(id),
      ),
    );
  }

  updateActual(id: number, after: ActualData): Promise<BackendError | null> {
    const before = this.actuals.find((a) => a.id === id)?.data;
    if (!before) return Promise.resolve(null);
    return this.apply({
      label: `Edit the actual of ${before.date}`,
      redo: async () => void (await backend.updateActual(this.actualIds.resolve(id), after)),
      undo: async () => void (await backend.updateActual(this.actualIds.resolve(id), before)),
    });
  }

  deleteActual(id: number): Promise<BackendError | null> {
    const actual = this.actuals.find((a) => a.id === id);
    if (!actual) return Promise.resolve(null);
    return this.apply({
      label: `Delete the actual of ${actual.data.date}`,
      redo: async () => void (await backend.deleteActual(this.actualIds.resolve(id))),
      undo: async () => {
        const back = await backend.createActual(actual.data);
        this.actualIds.alias(this.actualIds.resolve(id), back.id);
      },
    });
  }
}
