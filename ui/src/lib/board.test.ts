import { describe, expect, it } from "vitest";
import type { Feature, Horizon, RankedFeature } from "../bindings";
import { featureData } from "../testing/features";
import { columns, lanes, planDrop, planKey } from "./board";

function f(id: number, horizon: Horizon, overrides: Partial<Feature["data"]> = {}): Feature {
  return { id: String(id), position: id, data: featureData(`F${id}`, { horizon, ...overrides }) };
}
const rank = (ids: number[]): RankedFeature[] =>
  ids.map((id, i) => ({ id: String(id), rank: i + 1, score: null, reason: "" }));

// Manual positions 1..6; the ranking puts 3 before 1 in Now.
const features = [
  f(1, "now"),
  f(2, "later"),
  f(3, "now"),
  f(4, "next"),
  f(5, "now", { status: "done" }),
  f(6, "later"),
];
const ranking = rank([3, 1, 4, 2, 6]);
const board = columns(features, ranking);

describe("columns", () => {
  it("puts open features in their horizon, in rank order, and leaves closed ones off", () => {
    expect(board.now.map((c) => c.feature.id)).toEqual(["3", "1"]);
    expect(board.next.map((c) => c.feature.id)).toEqual(["4"]);
    expect(board.later.map((c) => c.feature.id)).toEqual(["2", "6"]);
  });

  it("splits a column into stage lanes", () => {
    const mixed = columns([f(1, "now", { stage: "scaling" }), f(2, "now")], rank([1, 2]));
    const byStage = lanes(mixed.now);
    expect(byStage.mvp.map((c) => c.feature.id)).toEqual(["2"]);
    expect(byStage.scaling.map((c) => c.feature.id)).toEqual(["1"]);
  });
});

describe("planDrop", () => {
  it("moving to another column changes the horizon and places it before the card dropped on", () => {
    // Feature 6 (position 6) dropped before feature 3 (position 3) in Now.
    expect(planDrop(nthFeature(6), "now", board.now, "3")).toEqual({ id: "6", horizon: "now", position: 3 });
  });

  it("moving down the manual order lands just before the target", () => {
    // Feature 2 (position 2) dropped before feature 6 (position 6): it ends at 5, right before 6.
    expect(planDrop(nthFeature(2), "later", board.later, "6")).toEqual({ id: "2", horizon: "later", position: 5 });
  });

  it("dropping at the end of a column goes after its last card", () => {
    expect(planDrop(nthFeature(1), "later", board.later, null)).toEqual({ id: "1", horizon: "later", position: 6 });
    expect(planDrop(nthFeature(4), "now", [], null)).toEqual({ id: "4", horizon: "now", position: 4 });
  });

  it("a drop that changes nothing is no move", () => {
    expect(planDrop(nthFeature(3), "now", board.now, "3")).toBeNull();
    expect(planDrop(nthFeature(4), "next", board.next, null)).toBeNull();
  });
});

describe("planKey", () => {
  it("Alt+Left and Alt+Right change the horizon, and stop at the ends", () => {
    expect(planKey("ArrowRight", nthFeature(1), board)).toEqual({ id: "1", horizon: "next", position: 1 });
    expect(planKey("ArrowLeft", nthFeature(1), board)).toBeNull();
    expect(planKey("ArrowRight", nthFeature(2), board)).toBeNull();
  });

  it("Alt+Up and Alt+Down move within the column", () => {
    // In Now the cards read 3, 1 (ranked), though 1 comes first in the manual order. Moving 1 up
    // puts it right before 3 in the manual order; moving 3 down puts it right after 1.
    expect(planKey("ArrowUp", nthFeature(1), board)).toEqual({ id: "1", horizon: "now", position: 2 });
    expect(planKey("ArrowDown", nthFeature(3), board)).toEqual({ id: "3", horizon: "now", position: 2 });
    expect(planKey("ArrowUp", nthFeature(3), board)).toBeNull();
  });
});

function nthFeature(id: number): Feature {
  const found = features.find((x) => x.id === String(id));
  if (!found) throw new Error(`no feature ${id}`);
  return found;
}
