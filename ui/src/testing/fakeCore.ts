// An in-memory stand-in for Keel's commands, for component tests through mockIPC. It keeps a
// plan, features and teams, applies the operations the editor sends (with undo and redo as
// whole-state steps), validates titles as the core does, and records every call.
import { mockIPC } from "@tauri-apps/api/mocks";
import type {
  Comparison,
  Conflict,
  FactorySnapshotData,
  Feature,
  FeatureData,
  Item,
  LeanCanvas,
  LogEntry,
  Operation,
  PlanView,
  Portfolio,
  TeamData,
  Version,
} from "../bindings";

export function featureData(title: string, overrides: Partial<FeatureData> = {}): FeatureData {
  return {
    title,
    description: "",
    risk_class: "business",
    risk_level: 3,
    quick_win: false,
    build_or_buy: "undecided",
    stage: "mvp",
    status: "idea",
    horizon: "next",
    start_date: null,
    end_date: null,
    effort_weeks: null,
    reach: null,
    impact: null,
    confidence: null,
    scale_assumption: null,
    milestone_id: null,
    factory_step: null,
    team_id: null,
    source: null,
    replatform: false,
    ...overrides,
  };
}

/** Feature `id` ("Feature 3"), an idea for later unless `overrides` say otherwise. */
export function testFeature(n: number, overrides: Partial<FeatureData> = {}): Feature {
  return { id: String(n), position: n, data: featureData(`Feature ${n}`, { horizon: "later", ...overrides }) };
}

const emptyCanvas: LeanCanvas = {
  problem: "",
  customer_segments: "",
  unique_value_proposition: "",
  solution: "",
  channels: "",
  revenue_streams: "",
  cost_structure: "",
  key_metrics: "",
  unfair_advantage: "",
};

/** What the UI gets back: a serialised copy, as over the real IPC (later changes here do not reach it). */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export interface FakeCore {
  view: PlanView;
  features: Feature[];
  teams: Item<TeamData>[];
  canvas: LeanCanvas;
  factory: Item<FactorySnapshotData>[];
  calls: { cmd: string; args: Record<string, unknown> }[];
  /** The operations applied (and undos and redos), in order. */
  writes(): string[];
}

type State = Pick<FakeCore, "view" | "features" | "teams" | "canvas" | "factory">;

function suggestions() {
  return {
    goal: {
      metric: "arr" as const,
      custom_unit: null,
      msc_target: 1_000_000,
      deadline: "2029-01-01",
      revenue_per_customer_month: 100,
      lifetime_months: 24,
      acquisition_rate: null,
      activation_rate: null,
      referral_rate: null,
    },
    milestone: { name: "New milestone", date: "2029-01-01", target: 1000, ninety_day_goals: "" },
    feature: featureData(""),
  };
}

export function fakeCore(
  options: {
    readOnly?: string;
    titles?: string[];
    author?: string | null;
    rankingUnchanged?: boolean;
    findingsUnchanged?: boolean;
    /** What "Merge a teammate's copy…" brings: their new features; absent, the dialog is
     *  cancelled; a string, the core refuses with it. */
    teammate?: { author: string; titles: string[] } | string;
    /** The shared folder the plan syncs through, and what its next pass brings. */
    sync?: {
      folder: string;
      titles: string[];
      behind?: boolean;
      refused?: string[];
      /** The folder is sealed with this passphrase (nothing moves until it is given). */
      passphrase?: string;
    };
    /** With the teammate's merge: Dana put feature "1" on Next while you put it on Now (the
     *  history kept Next), and deleted feature "2" while you edited it. */
    concurrent?: boolean;
    /** The analysis's portfolio of teams (the core's cards), as the plan's stage makes it. */
    portfolio?: Portfolio;
  } = {},
): FakeCore {
  let author = options.author === undefined ? "Dana" : options.author;
  const log: LogEntry[] = [];
  const versions: Version[] = [];
  const record = (label: string, version: string | null = null) =>
    log.unshift({ change: `${log.length}@fake`, label, author: author ?? "", at: "2026-11-27T10:00:00Z", version });
  let nextId = 100;
  let conflicts: Conflict[] = [];
  /** Features deleted, kept as the history keeps them. */
  let deleted: Feature[] = [];
  /** The sealed sync folder was opened (or sealed) with its passphrase in this session. */
  let unlocked = false;
  const found = (): Conflict[] => [
    {
      id: 1,
      sentence: "Dana's ‘Next’ replaced Ali's ‘Now’ on “Onboarding”",
      take: "Take Ali's ‘Now’",
      keep: "Keep ‘Next’",
      found_at: "2026-11-27T10:00:00Z",
      feature: "1",
    },
    {
      id: 2,
      sentence: "Dana deleted “Billing” while Ali was editing it; it is kept, with the edit, and can be restored",
      take: "Restore “Billing”",
      keep: "Keep it deleted",
      found_at: "2026-11-27T10:00:00Z",
      feature: "2",
    },
  ];
  const core: FakeCore = {
    view: {
      plan: {
        data: {
          company_name: "Acme",
          tagline: "",
          vision: "",
          strategy: "",
          stage: "mvp",
          currency: "USD",
          start_date: "2026-01-01",
        },
        created_at: "2026-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      },
      file_name: "acme.keel",
      path: "/plans/acme.keel",
      read_only: options.readOnly ?? null,
      refusal: options.readOnly ? `This plan is open read-only (${options.readOnly}); the change was not saved.` : null,
    },
    features: (options.titles ?? ["Onboarding", "Billing"]).map((t, i) => ({
      id: String(i + 1),
      position: i + 1,
      data: featureData(t),
    })),
    teams: [],
    canvas: { ...emptyCanvas },
    factory: [],
    calls: [],
    writes: () =>
      core.calls.flatMap((c) =>
        c.cmd === "apply" ? [(c.args.op as Operation).op] : c.cmd === "undo" || c.cmd === "redo" ? [c.cmd] : [],
      ),
  };
  const undone: { label: string; state: State }[] = [];
  const done: { label: string; state: State }[] = [];
  const snapshot = (): State =>
    copy({ view: core.view, features: core.features, teams: core.teams, canvas: core.canvas, factory: core.factory });
  const restore = (state: State) => Object.assign(core, copy(state));
  const refuse = (field: string, message: string) => {
    throw { code: "validation", message, field };
  };
  const ranked = () =>
    core.features.map((f, i) => ({
      id: f.id,
      rank: i + 1,
      score: null,
      reason: `business risk, level ${f.data.risk_level}`,
    }));
  const renumber = () => core.features.forEach((f, i) => (f.position = i + 1));
  const analysis = () => ({
    as_of: "2026-11-27",
    ranking: ranked(),
    findings: [
      {
        id: "K002",
        severity: "warning" as const,
        message: "No traction actual is recorded yet.",
        items: [{ kind: "goal" as const, id: null }],
      },
    ],
    finding_counts: { errors: 0, warnings: 1, hints: 0 },
    traction: null,
    horizons: { now: core.features.length, next: 0, later: 0 },
    cycle: {
      number: 4,
      start: "2026-09-28",
      end: "2026-12-26",
      days_left: 29,
      target: 40000,
      actual: 30000,
      ratio: 0.75,
      bottleneck: "activation" as const,
      on_bottleneck: [{ id: "1", title: core.features[0]?.data.title ?? "" }],
      summary: "Cycle 4 · 2026-09-28 to 2026-12-26, 29 days left: reach $40,000 ARR ($30,000 ARR now, 75 %).",
    },
    curve: [],
    portfolio: options.portfolio ?? null,
    suggestions: suggestions(),
    first_steps: [],
  });
  /** An edit's answer as the core gives it (this fake sends every feature and the order). */
  const comparison = (fromId: unknown, toId: unknown): Comparison => {
    const from = versions.find((v) => v.id === fromId);
    if (!from)
      throw {
        code: "not_found",
        message: `There is no version with id ${String(fromId)} in this plan.`,
        field: null,
      };
    const to = versions.find((v) => v.id === toId);
    return {
      from: `${from.label} (2026-11-27)`,
      to: to ? `${to.label} (2026-11-27)` : "now",
      changes: core.features.map((f) => `Feature added: “${f.data.title}”.`).slice(0, 1),
      rewritten: [],
      traction_then: "$27,300 ARR on 2026-11-22",
      traction_now: "$31,000 ARR on 2026-11-26",
      shipped: [],
      reranked: [],
      resolved: ["No traction actual is recorded yet."],
      new_findings: [],
    };
  };
  let following = false;
  const sinceLast = (): Comparison | null => {
    const last = versions.at(-1);
    return last ? comparison(last.id, null) : null;
  };
  const edited = (label: string, created: string | null = null) =>
    copy({
      applied: {
        label,
        changed: true,
        changes: {
          plan: core.view.plan,
          canvas: core.canvas,
          goal_changed: false,
          goal: null,
          milestones: null,
          teams: core.teams,
          actuals: null,
          factory_snapshots: core.factory,
          features: core.features,
          removed_features: [],
          feature_order: core.features.map((f) => f.id),
          versions: null,
        },
        created,
        undo: done.at(-1)?.label ?? null,
        redo: undone.at(-1)?.label ?? null,
      },
      analysis: {
        ...analysis(),
        ...(options.rankingUnchanged ? { ranking: [] } : {}),
        ...(options.findingsUnchanged ? { findings: [] } : {}),
      },
      ranking_unchanged: options.rankingUnchanged ?? false,
      findings_unchanged: options.findingsUnchanged ?? false,
      since: following ? { comparison: sinceLast() } : null,
    });
  const feature = (id: unknown) => {
    const f = core.features.find((x) => x.id === id);
    if (!f) throw { code: "not_found", message: "No such feature.", field: null };
    return f;
  };
  const operate = (op: Operation): { label: string; created?: string } => {
    switch (op.op) {
      case "update_canvas":
        core.canvas = op.canvas;
        return { label: "Edited the Lean Canvas" };
      case "update_plan":
        core.view.plan.data = op.data;
        return { label: "Edited the plan" };
      case "create_feature": {
        const id = String(nextId++);
        core.features.push({ id, position: core.features.length + 1, data: op.data });
        return { label: `Added “${op.data.title}”`, created: id };
      }
      case "update_feature": {
        const f = feature(op.id);
        f.data = op.data;
        return { label: `Edited “${op.data.title}”` };
      }
      case "delete_feature": {
        const f = feature(op.id);
        core.features = core.features.filter((x) => x !== f);
        deleted.push(f);
        renumber();
        return { label: `Deleted “${f.data.title}”` };
      }
      case "restore_feature": {
        const f = deleted.find((x) => x.id === op.id);
        if (!f) throw { code: "not_found", message: "No such deleted feature.", field: null };
        deleted = deleted.filter((x) => x !== f);
        core.features.push(f);
        renumber();
        conflicts = conflicts.filter((c) => !(c.feature === f.id && c.take.startsWith("Restore")));
        return { label: `Restored “${f.data.title}”` };
      }
      case "update_team": {
        const team = core.teams.find((t) => t.id === op.id);
        if (!team) throw { code: "not_found", message: "No such team.", field: null };
        if (op.data.kpi && op.data.kpi.metric.trim() === "") {
          throw { code: "validation", message: "KPI: must not be empty.", field: "kpi_metric" };
        }
        team.data = op.data;
        return { label: `Edited the team “${op.data.name}”` };
      }
      case "add_factory_week":
      case "update_factory_week": {
        const taken = core.factory.some(
          (w) => w.data.period_start === op.data.period_start && (op.op === "add_factory_week" || w.id !== op.id),
        );
        if (taken) refuse("period_start", `Period start: there is already an entry for ${op.data.period_start}`);
        if (op.op === "add_factory_week") {
          core.factory.push({ id: String(nextId++), data: op.data });
          return { label: `Recorded the factory week of ${op.data.period_start}` };
        }
        const week = core.factory.find((w) => w.id === op.id);
        if (!week) throw { code: "not_found", message: "No such week.", field: null };
        week.data = op.data;
        return { label: `Edited the factory week of ${op.data.period_start}` };
      }
      case "delete_factory_week":
        core.factory = core.factory.filter((w) => w.id !== op.id);
        return { label: "Deleted the factory week" };
      case "restore_version":
        return { label: `Restored version “${versions.find((v) => v.id === op.id)?.label ?? op.id}”` };
      case "move_feature": {
        const f = feature(op.id);
        f.data.horizon = op.horizon;
        core.features = core.features.filter((x) => x !== f);
        core.features.splice(op.position - 1, 0, f);
        renumber();
        return { label: `Moved “${f.data.title}”` };
      }
      default:
        throw { code: "not_found", message: `unexpected operation ${op.op}`, field: null };
    }
  };
  mockIPC(
    (cmd, raw) => {
      const args = (raw ?? {}) as Record<string, unknown>;
      core.calls.push({ cmd, args });
      if (core.view.read_only && ["apply", "undo", "redo"].includes(cmd)) {
        throw { code: "read_only", message: core.view.refusal, field: null };
      }
      switch (cmd) {
        case "load_plan": {
          // With `first`, only the top-ranked features, as the core does for the first screen.
          const first = typeof args.first === "number" ? args.first : null;
          const ranking = first === null ? ranked() : ranked().slice(0, first);
          const shown = new Set(ranking.map((r) => r.id));
          return copy({
            view: core.view,
            document: {
              format: 2,
              plan: core.view.plan,
              canvas: core.canvas,
              goal: null,
              milestones: [],
              actuals: [],
              factory_snapshots: core.factory,
              teams: core.teams,
              features: core.features.filter((f) => shown.has(f.id)),
            },
            // The first screen's read counts the findings without sending them, as the core does.
            analysis: { ...analysis(), ranking, ...(first === null ? {} : { findings: [] }) },
            complete: first === null,
          });
        }
        case "rank_features":
          return ranked();
        case "author":
          return { name: author, suggested: "dana" };
        case "set_author":
          author = args.name as string;
          return { name: author, suggested: "dana" };
        case "versions":
          return copy(versions);
        case "mark_version": {
          const id = `v${versions.length + 1}`;
          versions.push({ id, label: args.label as string, marked_at: "2026-11-27T10:00:00Z", author: author ?? "" });
          record(`Marked version “${args.label as string}”`, id);
          return copy(versions);
        }
        case "history": {
          const offset = args.offset as number;
          return copy({ entries: log.slice(offset, offset + (args.limit as number)), total: log.length });
        }
        case "apply": {
          const before = snapshot();
          const { label, created } = operate(args.op as Operation);
          done.push({ label, state: before });
          record(label);
          undone.length = 0;
          return edited(label, created ?? null);
        }
        case "undo":
        case "redo": {
          const [from, to] = cmd === "undo" ? [done, undone] : [undone, done];
          const step = from.pop();
          if (!step) return null;
          to.push({ label: step.label, state: snapshot() });
          restore(step.state);
          record(`${cmd === "undo" ? "Undo" : "Redo"}: ${step.label}`);
          return edited(`${cmd === "undo" ? "Undid" : "Redid"}: ${step.label}`);
        }
        case "seal_sync_folder":
        case "unlock_sync_folder":
        case "sync_now":
        case "link_sync_folder": {
          const sync = options.sync;
          const idle = { merged: null, wrote: false, waiting: 0, behind: false, refused: [] };
          if (!sync) return cmd === "sync_now" ? { folder: null, ...idle, sealed: false, locked: false } : null;
          const given = String(args.passphrase ?? "");
          if (cmd === "seal_sync_folder") {
            if ([...given].length < 10)
              throw { code: "validation", message: "Passphrase: must be at least 10 characters.", field: "passphrase" };
            sync.passphrase = given;
            unlocked = true;
          }
          if (cmd === "unlock_sync_folder") {
            if (given !== sync.passphrase)
              throw {
                code: "sealed",
                message:
                  "That passphrase does not open this sync folder (ask the teammate who sealed it); nothing was read or written.",
              };
            unlocked = true;
          }
          const sealed = sync.passphrase !== undefined;
          if (sealed && !unlocked) return { folder: sync.folder, ...idle, sealed, locked: true };
          const titles = sync.titles.splice(0);
          titles.forEach((title) => operate({ op: "create_feature", data: featureData(title) }));
          const n = titles.length;
          const labels = titles.map((t) => `Added “${t}”`);
          return {
            folder: sync.folder,
            merged: n
              ? {
                  incoming: { changes: n, by: [{ author: "Dana", changes: n, labels }] },
                  conflicts: [],
                  summary: `Dana: ${n} changes`,
                  edited: edited(n === 1 ? "Merged 1 change" : `Merged ${n} changes`),
                }
              : null,
            wrote: false,
            waiting: 0,
            behind: sync.behind ?? false,
            refused: sync.refused?.splice(0) ?? [],
            sealed,
            locked: false,
          };
        }
        case "unlink_sync_folder":
          return null;
        case "compare_versions":
          return comparison(args.from, args.to);
        case "follow_since":
          following = args.on === true;
          return following ? { comparison: sinceLast() } : null;
        case "conflicts":
          return copy(conflicts);
        case "deleted_features":
          return copy(deleted.map((f) => ({ id: f.id, title: f.data.title })));
        case "keep_conflict":
          conflicts = conflicts.filter((c) => c.id !== args.id);
          return copy(conflicts);
        case "take_other_value": {
          const c = conflicts.find((x) => x.id === args.id);
          if (!c?.feature) throw { code: "not_found", message: "There is no open conflict with id 9.", field: null };
          const label = c.take.startsWith("Restore")
            ? operate({ op: "restore_feature", id: c.feature }).label
            : (operate({ op: "move_feature", id: c.feature, horizon: "now", position: 1 }),
              `${c.take.replace("Take", "Took")} on “${feature(c.feature).data.title}”`);
          conflicts = conflicts.filter((x) => x.id !== c.id);
          record(label);
          return edited(label);
        }
        case "merge_teammate": {
          const teammate = options.teammate;
          if (teammate === undefined) return null;
          if (typeof teammate === "string") throw { code: "invalid_import", message: teammate, field: null };
          const mergedNow = options.concurrent ? found() : [];
          if (options.concurrent) {
            operate({ op: "move_feature", id: "1", horizon: "next", position: 1 });
            operate({ op: "delete_feature", id: "2" });
          }
          conflicts = [...mergedNow, ...conflicts];
          const labels = teammate.titles.map((title) => {
            operate({ op: "create_feature", data: featureData(title) });
            return `Added “${title}”`;
          });
          labels.forEach((l) => record(l));
          const n = labels.length;
          return {
            incoming: {
              changes: n,
              by: n ? [{ author: teammate.author, changes: n, labels: [...labels].reverse() }] : [],
            },
            conflicts: copy(mergedNow),
            summary: n ? `${teammate.author}: ${n} changes` : "Nothing new: this plan already had every change.",
            edited: edited(n === 0 ? "Merged: nothing new" : n === 1 ? "Merged 1 change" : `Merged ${n} changes`),
          };
        }
        case "help":
          return {
            concepts: [
              { id: "msc", title: "Minimum Success Criteria", text: "The smallest result that is a success." },
            ],
            rules: [{ id: "K002", title: "No recent actual", text: "Record the key metric at least once a month." }],
          };
        default:
          throw { code: "not_found", message: `unexpected command ${cmd}`, field: null };
      }
      // Events the core sends the window are sent by the test through `emit` (@tauri-apps/api/event).
    },
    { shouldMockEvents: true },
  );
  return core;
}

/** The item at `index`, failing the test when there is none. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index} (there are ${list.length})`);
  return item;
}
