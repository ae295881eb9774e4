// An in-memory stand-in for Keel's commands, for component tests through mockIPC. It keeps a
// plan, features and teams, validates titles as the core does, and records every call.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Feature, FeatureData, Item, LeanCanvas, PlanView, TeamData } from "../bindings";

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
    ...overrides,
  };
}

/** Feature `id` ("Feature 3"), an idea for later unless `overrides` say otherwise. */
export function testFeature(id: number, overrides: Partial<FeatureData> = {}): Feature {
  return { id, position: id, data: featureData(`Feature ${id}`, { horizon: "later", ...overrides }) };
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
  calls: { cmd: string; args: Record<string, unknown> }[];
  /** Commands that changed the plan, in order. */
  writes(): string[];
}

export function fakeCore(options: { readOnly?: string; titles?: string[] } = {}): FakeCore {
  let nextId = 100;
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
      id: i + 1,
      position: i + 1,
      data: featureData(t),
    })),
    teams: [],
    canvas: { ...emptyCanvas },
    calls: [],
    writes: () => core.calls.map((c) => c.cmd).filter((c) => /^(create|update|delete|move)_/.test(c)),
  };
  const refuse = (field: string, message: string) => {
    throw { code: "validation", message, field };
  };
  const checkTitle = (data: FeatureData) => {
    if (data.title.trim() === "") refuse("title", "Title: must not be empty.");
    if (data.title.length > 200)
      refuse("title", `Title: must be at most 200 characters (it has ${data.title.length}).`);
  };
  const ranked = () =>
    core.features.map((f, i) => ({
      id: f.id,
      rank: i + 1,
      score: null,
      reason: `business risk, level ${f.data.risk_level}`,
    }));
  const renumber = () => core.features.forEach((f, i) => (f.position = i + 1));
  mockIPC((cmd, raw) => {
    const args = (raw ?? {}) as Record<string, unknown>;
    core.calls.push({ cmd, args });
    if (core.view.read_only && /^(create|update|delete|move)_/.test(cmd)) {
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
            format: 1,
            plan: core.view.plan,
            canvas: core.canvas,
            goal: null,
            milestones: [],
            actuals: [],
            factory_snapshots: [],
            teams: core.teams,
            features: core.features.filter((f) => shown.has(f.id)),
          },
          analysis: {
            as_of: "2026-11-27",
            ranking,
            findings: [],
            traction: null,
            curve: [],
            suggestions: {
              goal: {
                metric: "arr",
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
            },
          },
          complete: first === null,
        });
      }
      case "list_features":
        return copy(core.features);
      case "rank_features":
        return ranked();
      case "update_canvas":
        core.canvas = args.canvas as LeanCanvas;
        return core.canvas;
      case "update_plan":
        core.view.plan.data = args.data as PlanView["plan"]["data"];
        return copy(core.view);
      case "create_feature": {
        const data = args.data as FeatureData;
        checkTitle(data);
        const f = { id: nextId++, position: core.features.length + 1, data };
        core.features.push(f);
        return copy(f);
      }
      case "update_feature": {
        const data = args.data as FeatureData;
        checkTitle(data);
        const f = core.features.find((x) => x.id === args.id);
        if (!f) throw { code: "not_found", message: "No such feature.", field: null };
        f.data = data;
        return copy(f);
      }
      case "delete_feature":
        core.features = core.features.filter((x) => x.id !== args.id);
        renumber();
        return null;
      case "move_feature": {
        const f = core.features.find((x) => x.id === args.id);
        if (!f) throw { code: "not_found", message: "No such feature.", field: null };
        core.features = core.features.filter((x) => x !== f);
        core.features.splice((args.position as number) - 1, 0, f);
        renumber();
        return copy(f);
      }
      default:
        throw { code: "not_found", message: `unexpected command ${cmd}`, field: null };
    }
  });
  return core;
}

/** The item at `index`, failing the test when there is none. */
export function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index} (there are ${list.length})`);
  return item;
}
