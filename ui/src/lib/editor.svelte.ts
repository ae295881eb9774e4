// The open plan as the window holds it, and every edit to it. Each edit is one operation of the
// core, which saves it, records it in the plan's history (undo and redo live there too) and
// answers with what changed and the recomputed analysis; the window patches its state with that.
import type {
  FirstStep,
  ActualData,
  ActualsImport,
  ActualsOptions,
  FeatureImport,
  FeatureOptions,
  Comparison,
  Conflict,
  Cycle,
  DatedValue,
  DeletedFeature,
  FactorySnapshotData,
  Edited,
  Feature,
  FeatureData,
  Finding,
  FindingCounts,
  HorizonCounts,
  Item,
  LeanCanvas,
  MergedEdit,
  MilestoneData,
  Operation,
  PlanContents,
  PlanData,
  PlanView,
  Portfolio,
  RankedFeature,
  Suggestions,
  SyncStatus,
  TeamData,
  TractionGoal,
  TractionReport,
  Version,
} from "../bindings";
import { asBackendError, BackendError, backend } from "./backend";
import { kept } from "./kept";
import { patchFeatures, patchFindings } from "./patch";

/** How many top-ranked features the first screen (the Overview) shows, and the first read brings. */
export const FIRST_SCREEN = 5;

/** What a merge brought, as the window tells it: who changed what, and what came in at the same
 *  time as this copy's own edits. */
export type MergeNews = Pick<MergedEdit, "incoming" | "conflicts">;

/** The plan's sync folder on this computer (null: not linked), why the last pass failed, and
 *  whether this copy is older than where the folder starts (it asked teammates for the rest). */
export type SyncState = {
  folder: string | null;
  error: string | null;
  behind: boolean;
  /** The folder is sealed with the team's passphrase. */
  sealed: boolean;
  /** Sealed, and this window has not been given the passphrase yet: nothing moves. */
  locked: boolean;
};

const NOT_LINKED: SyncState = { folder: null, error: null, behind: false, sealed: false, locked: false };

export type SaveState =
  { kind: "idle" } | { kind: "saving" } | { kind: "saved"; what: string } | { kind: "failed"; message: string };

const messageOf = (e: unknown): string => asBackendError(e).message;

export class PlanEditor {
  // Replaced whole after every read, never changed in place: raw state, so a 10,000-feature
  // plan is not wrapped in proxies.
  view = $state.raw<PlanView | null>(null);
  features = $state.raw<Feature[]>([]);
  ranking = $state.raw<RankedFeature[]>([]);
  findings = $state.raw<Finding[]>([]);
  findingCounts = $state.raw<FindingCounts>({ errors: 0, warnings: 0, hints: 0 });
  traction = $state.raw<TractionReport | null>(null);
  /** The 90-day cycle the team is in, and the open features per horizon. */
  cycle = $state.raw<Cycle | null>(null);
  horizons = $state.raw<HorizonCounts | null>(null);
  /** What changed since the last version (null while there is none; see `followSince`). */
  since = $state.raw<Comparison | null>(null);
  canvas = $state.raw<LeanCanvas | null>(null);
  teams = $state.raw<Item<TeamData>[]>([]);
  milestones = $state.raw<Item<MilestoneData>[]>([]);
  goal = $state.raw<TractionGoal | null>(null);
  actuals = $state.raw<Item<ActualData>[]>([]);
  /** The customer factory's weekly counts. */
  factoryWeeks = $state.raw<Item<FactorySnapshotData>[]>([]);
  curve = $state.raw<DatedValue[]>([]);
  /** The teams as the board sees them (a portfolio at the Scaling and Enterprise stages). */
  portfolio = $state.raw<Portfolio | null>(null);
  /** The date the core computed the analysis for: the plan's "today". */
  today = $state("");
  /** The core's defaults for a new goal, the next milestone and a new feature. */
  suggestions = $state.raw<Suggestions | null>(null);
  /** The steps that make a new plan, until all are done. */
  firstSteps = $state.raw<FirstStep[]>([]);
  /** False while only the first screen's features are here (see `finishLoading`). */
  complete = $state(true);
  /** Why no plan could be shown. */
  loadError = $state.raw<BackendError | null>(null);
  save = $state<SaveState>({ kind: "idle" });
  /** What undo would take back now, and what redo would bring again (the core's labels). */
  undoLabel = $state<string | null>(null);
  redoLabel = $state<string | null>(null);
  /** The plan's named versions, oldest first. */
  versions = $state.raw<Version[]>([]);
  /** What merges found teammates did at the same time as this copy, not settled yet (newest
   *  first), and the features deleted from the plan (kept in its history, restorable). */
  conflicts = $state.raw<Conflict[]>([]);
  deletedFeatures = $state.raw<DeletedFeature[]>([]);
  /** Set while the window asks who you are (before your first edit); the name to suggest. */
  nameRequest = $state<{ suggested: string } | null>(null);
  #author: string | null | undefined = undefined;
  #named: ((name: string) => void) | null = null;
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
        factoryWeeks: plan.factory_snapshots,
        complete: contents.complete,
      });
      this.#analysis(analysis);
      this.loadError = null;
    } catch (e) {
      this.loadError = asBackendError(e);
    }
  }

  /** Takes the core's analysis; an edit's answer leaves the ranking and the findings out when
   *  they are unchanged. */
  #analysis(analysis: Edited["analysis"], rankingUnchanged = false, findingsUnchanged = false) {
    // Findings sent as a patch (see #took) are left out of the analysis, as unchanged ones are.
    if (!rankingUnchanged) this.ranking = analysis.ranking;
    if (!findingsUnchanged) this.findings = analysis.findings;
    // What the edit left as it was keeps its identity: nothing that shows it renders again.
    this.findingCounts = kept(this.findingCounts, analysis.finding_counts);
    Object.assign(this, {
      traction: kept(this.traction, analysis.traction),
      cycle: kept(this.cycle, analysis.cycle),
      horizons: kept(this.horizons, analysis.horizons),
      curve: kept(this.curve, analysis.curve),
      portfolio: kept(this.portfolio, analysis.portfolio ?? null),
      today: analysis.as_of,
      suggestions: kept(this.suggestions, analysis.suggestions),
      firstSteps: kept(this.firstSteps, analysis.first_steps),
    });
  }

  /** After a first-screen read: reads the whole plan, before any edit runs. */
  finishLoading(): Promise<void> {
    return this.complete ? Promise.resolve() : this.#serial(() => this.finishLoadingNow());
  }

  /** The same, from inside a serial step. */
  async finishLoadingNow(): Promise<void> {
    if (!this.complete) await this.load();
  }

  /** After another plan was opened: its own undo, its own versions. */
  async reopen() {
    this.save = { kind: "idle" };
    this.sync = NOT_LINKED;
    this.synced = null;
    this.undoLabel = null;
    this.redoLabel = null;
    await this.load();
    await this.loadVersions();
  }

  async loadVersions() {
    try {
      this.versions = await backend.versions();
    } catch {
      this.versions = [];
    }
  }

  /** Runs one operation after the ones before it, so edits and undos never interleave. */
  #serial<T>(run: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  /** Your name, asked once before your first edit (prefilled from the system account). */
  async #ensureAuthor(): Promise<void> {
    if (this.#author === undefined) {
      try {
        const known = await backend.author();
        this.#author = known.name;
        if (known.name === null) {
          const name = await new Promise<string>((resolve) => {
            this.#named = resolve;
            this.nameRequest = { suggested: known.suggested };
          });
          this.#author = (await backend.setAuthor(name)).name;
        }
      } catch {
        // Not knowing the name never blocks an edit: the core signs it with the system account.
        this.#author = null;
      }
    }
  }

  /** The name the window asked for (or the suggestion, when the founder just goes on). */
  giveName(name: string) {
    const resolve = this.#named;
    this.#named = null;
    this.nameRequest = null;
    resolve?.(name);
  }

  #took(edited: Edited) {
    const { applied, analysis, ranking_unchanged, findings_unchanged, findings_patch } = edited;
    const c = applied.changes;
    const patch: Partial<PlanEditor> = {};
    if (c.plan && this.view) patch.view = { ...this.view, plan: c.plan };
    if (c.canvas) patch.canvas = c.canvas;
    if (c.goal_changed) patch.goal = c.goal;
    if (c.milestones) patch.milestones = c.milestones;
    if (c.teams) patch.teams = c.teams;
    if (c.actuals) patch.actuals = c.actuals;
    if (c.factory_snapshots) patch.factoryWeeks = c.factory_snapshots;
    if (c.versions) patch.versions = c.versions;
    patch.features = patchFeatures(this.features, c);
    Object.assign(this, patch);
    if (findings_patch) this.findings = patchFindings(this.findings, findings_patch);
    this.#analysis(analysis, ranking_unchanged, findings_unchanged || findings_patch !== null);
    this.undoLabel = applied.undo;
    this.redoLabel = applied.redo;
    if (edited.since) this.since = edited.since.comparison;
  }

  /** Applies one operation; resolves to the error when the core refused it (a read-only plan
   *  included: the core says why, in its own words), and to the applied edit otherwise. An
   *  operation given as a function is made when its turn comes, from the plan as the edits
   *  before it left it: two changes of one record in quick succession both keep. */
  #run(next: Operation | (() => Operation | null)): Promise<{ edited: Edited } | { error: BackendError }> {
    performance.mark("keel-apply-asked");
    return this.#serial(async () => {
      performance.mark("keel-apply-turn");
      await this.#ensureAuthor();
      const op = typeof next === "function" ? next() : next;
      if (op === null) return { error: new BackendError("not_found", "This item is no longer in the plan.") };
      this.save = { kind: "saving" };
      try {
        // User Timing marks: `make bench-edit` splits the felt edit into its parts with them.
        performance.mark("keel-apply-sent");
        const edited = await backend.apply(op);
        performance.mark("keel-apply-answered");
        this.#took(edited);
        this.save = { kind: "saved", what: edited.applied.label };
        return { edited };
      } catch (e) {
        const error = asBackendError(e);
        this.save = { kind: "failed", message: error.message };
        return { error };
      }
    });
  }

  async apply(op: Operation | (() => Operation | null)): Promise<BackendError | null> {
    const outcome = await this.#run(op);
    return "error" in outcome ? outcome.error : null;
  }

  /** The last edit's refusal, no longer shown (Esc, or its field back at the saved value). */
  clearFailure() {
    if (this.save.kind === "failed") this.save = { kind: "idle" };
  }

  undo(): Promise<void> {
    return this.#step(() => backend.undo());
  }

  redo(): Promise<void> {
    return this.#step(() => backend.redo());
  }

  #step(run: () => Promise<Edited | null>): Promise<void> {
    return this.#serial(async () => {
      try {
        const edited = await run();
        if (!edited) return;
        this.#took(edited);
        this.save = { kind: "saved", what: edited.applied.label };
      } catch (e) {
        this.save = { kind: "failed", message: messageOf(e) };
      }
    });
  }

  // The edits a founder makes, each one operation of the core.

  // An update names the fields it changes; the rest of the record is read when its turn comes.

  updatePlan(change: Partial<PlanData>): Promise<BackendError | null> {
    return this.apply(() => {
      const plan = this.view?.plan.data;
      return plan ? { op: "update_plan", data: { ...plan, ...change } } : null;
    });
  }

  updateCanvas(change: Partial<LeanCanvas>): Promise<BackendError | null> {
    return this.apply(() => (this.canvas ? { op: "update_canvas", canvas: { ...this.canvas, ...change } } : null));
  }

  updateFeature(id: string, change: Partial<FeatureData>): Promise<BackendError | null> {
    return this.apply(() => {
      const feature = this.features.find((f) => f.id === id);
      return feature ? { op: "update_feature", id, data: { ...feature.data, ...change } } : null;
    });
  }

  /** Adds a feature; resolves to its id, or to the error that refused it. */
  async createFeature(data: FeatureData): Promise<{ id: string } | { error: BackendError }> {
    const outcome = await this.#run({ op: "create_feature", data });
    if ("error" in outcome) return outcome;
    return { id: outcome.edited.applied.created ?? "" };
  }

  updateTeam(id: string, change: Partial<TeamData>): Promise<BackendError | null> {
    return this.apply(() => {
      const team = this.teams.find((t) => t.id === id);
      return team ? { op: "update_team", id, data: { ...team.data, ...change } } : null;
    });
  }

  updateMilestone(id: string, change: Partial<MilestoneData>): Promise<BackendError | null> {
    return this.apply(() => {
      const milestone = this.milestones.find((m) => m.id === id);
      return milestone ? { op: "update_milestone", id, data: { ...milestone.data, ...change } } : null;
    });
  }

  /** Follows what changed since the last version while the Overview shows (`on`): read now,
   *  then carried by each edit's answer, with no call of its own. */
  async followSince(on: boolean): Promise<void> {
    try {
      const now = await backend.followSince(on);
      if (on) this.since = now?.comparison ?? null;
    } catch {
      // Only a summary: the History shows the full comparison and says why it failed.
      if (on) this.since = null;
    }
  }

  /** Reads the open conflicts and (unless `withDeleted` is false) the deleted features again;
   *  resolves to why not, if not. The deleted features are read from the plan's history, which
   *  the core opens only when needed: the start reads the conflicts alone. */
  async loadConflicts(withDeleted = true): Promise<string | null> {
    try {
      const [conflicts, deleted] = await Promise.all([
        backend.conflicts(),
        withDeleted ? backend.deletedFeatures() : Promise.resolve(this.deletedFeatures),
      ]);
      this.conflicts = conflicts;
      this.deletedFeatures = deleted;
      return null;
    } catch (e) {
      return messageOf(e);
    }
  }

  /** Settles a conflict by taking the value the history did not keep (or restoring the deleted
   *  feature): one edit, undone as one. */
  takeOtherValue(id: number): Promise<BackendError | null> {
    return this.#edit(() => backend.takeOtherValue(id));
  }

  /** Settles a conflict by keeping what the history holds. */
  keepConflict(id: number): Promise<BackendError | null> {
    return this.#serial(async () => {
      try {
        this.conflicts = await backend.keepConflict(id);
        return null;
      } catch (e) {
        const error = asBackendError(e);
        this.save = { kind: "failed", message: error.message };
        return error;
      }
    });
  }

  /** Brings a deleted feature back, with every edit made to it. */
  async restoreFeature(id: string): Promise<BackendError | null> {
    const failed = await this.apply({ op: "restore_feature", id });
    await this.loadConflicts();
    return failed;
  }

  #edit(run: () => Promise<Edited>): Promise<BackendError | null> {
    return this.#serial(async () => {
      await this.#ensureAuthor();
      this.save = { kind: "saving" };
      try {
        const edited = await run();
        this.#took(edited);
        this.save = { kind: "saved", what: edited.applied.label };
        return null;
      } catch (e) {
        const error = asBackendError(e);
        this.save = { kind: "failed", message: error.message };
        return error;
      }
    }).then(async (failed) => {
      await this.loadConflicts();
      return failed;
    });
  }

  /** Merges the teammate's copy (or change file) the founder picks: every change of theirs this
   *  plan lacks comes in. Resolves to what came in, null when the dialog was cancelled; a
   *  refusal (another plan, a damaged file) is thrown, and nothing changed. */
  mergeTeammate(): Promise<MergedEdit | null> {
    return this.#serial(async () => {
      await this.finishLoadingNow();
      const merged = await backend.mergeTeammate();
      if (merged) {
        this.#took(merged.edited);
        this.save = { kind: "saved", what: merged.edited.applied.label };
        if (merged.conflicts.length > 0) this.conflicts = [...merged.conflicts, ...this.conflicts];
      }
      return merged;
    });
  }

  /** Imports the chosen file's features as one edit (one undo); a refusal is thrown. */
  importFeatures(options: FeatureOptions): Promise<FeatureImport> {
    return this.#serial(async () => {
      await this.finishLoadingNow();
      await this.#ensureAuthor();
      const imported = await backend.importFeatures(options);
      this.#took(imported.edited);
      this.save = { kind: "saved", what: imported.edited.applied.label };
      return imported.summary;
    });
  }

  /** Imports the chosen file's traction numbers as one edit (one undo); a refusal is thrown. */
  importTraction(options: ActualsOptions): Promise<ActualsImport> {
    return this.#serial(async () => {
      await this.finishLoadingNow();
      await this.#ensureAuthor();
      const imported = await backend.importTraction(options);
      this.#took(imported.edited);
      this.save = { kind: "saved", what: imported.edited.applied.label };
      return imported.summary;
    });
  }

  /** The folder this plan syncs through on this computer (null: not linked), and what the
   *  last pass brought from teammates (until the founder has seen it). */
  sync = $state.raw<SyncState>(NOT_LINKED);
  synced = $state.raw<MergeNews | null>(null);
  /** Teammates' files the sync set aside (refused, the rest taken), each said once until
   *  dismissed. */
  setAside = $state.raw<string[]>([]);

  #tookSync(status: SyncStatus) {
    this.sync = {
      folder: status.folder,
      error: null,
      behind: status.behind,
      sealed: status.sealed,
      locked: status.locked,
    };
    if (status.refused.length > 0) this.setAside = [...this.setAside, ...status.refused];
    const merged = status.merged;
    if (merged) {
      this.#took(merged.edited);
      const earlier = this.synced?.conflicts ?? [];
      this.synced = { incoming: merged.incoming, conflicts: [...merged.conflicts, ...earlier] };
      if (merged.conflicts.length > 0) this.conflicts = [...merged.conflicts, ...this.conflicts];
    }
  }

  /** Links the plan to a folder the team shares (the founder picks it) and syncs once;
   *  false when the dialog was cancelled. A refusal is thrown, and nothing changed. */
  linkSyncFolder(): Promise<boolean> {
    return this.#serial(async () => {
      await this.finishLoadingNow();
      const status = await backend.linkSyncFolder();
      if (status) this.#tookSync(status);
      return status !== null;
    });
  }

  /** One pass with the sync folder, when the plan has one (the window asks every few seconds). */
  syncNow(): Promise<void> {
    return this.#serial(async () => {
      if (!this.complete) return;
      try {
        this.#tookSync(await backend.syncNow());
      } catch (e) {
        this.sync = { ...this.sync, error: messageOf(e) };
      }
    });
  }

  /** Opens the sealed sync folder with the team's passphrase (kept by the app as a key for
   *  this session) and syncs once; the core's sentence when it does not open. */
  unlockSyncFolder(passphrase: string): Promise<BackendError | null> {
    return this.#sealAction(() => backend.unlockSyncFolder(passphrase));
  }

  /** Seals the sync folder with a passphrase the team shares and syncs once. */
  sealSyncFolder(passphrase: string): Promise<BackendError | null> {
    return this.#sealAction(() => backend.sealSyncFolder(passphrase));
  }

  #sealAction(action: () => Promise<SyncStatus>): Promise<BackendError | null> {
    return this.#serial(async () => {
      await this.finishLoadingNow();
      try {
        this.#tookSync(await action());
        return null;
      } catch (e) {
        return asBackendError(e);
      }
    });
  }

  async unlinkSyncFolder(): Promise<void> {
    await backend.unlinkSyncFolder();
    this.sync = NOT_LINKED;
  }

  /** Marks the plan as it is now as a named version. */
  markVersion(label: string): Promise<BackendError | null> {
    return this.#serial(async () => {
      await this.#ensureAuthor();
      try {
        this.versions = await backend.markVersion(label);
        this.save = { kind: "saved", what: `Marked version “${label.trim()}”` };
        return null;
      } catch (e) {
        const error = asBackendError(e);
        this.save = { kind: "failed", message: error.message };
        return error;
      }
    });
  }
}
