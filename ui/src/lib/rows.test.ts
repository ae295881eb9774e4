import { describe, expect, it } from "vitest";
import type { RankedFeature } from "../bindings";
import { testFeature } from "../testing/features";
import { tableRows } from "./rows";

const ranked = (id: string, rank: number): RankedFeature => ({ id, rank, score: null, reason: "" });

describe("tableRows", () => {
  const f = testFeature;
  const ranking = [ranked("4", 1), ranked("2", 2), ranked("5", 3)];
  const byId = new Map(ranking.map((r) => [r.id, r]));

  it("puts the ranked features in rank order, then the unranked ones by their manual position", () => {
    const shuffled = [f(3), f(5), f(1), f(4), f(2)];
    expect(tableRows(shuffled, ranking, byId).map((f) => f.id)).toEqual(["4", "2", "5", "1", "3"]);
  });

  it("shows only the features it is given (a filtered list), ranked or not", () => {
    const filtered = [f(1), f(2), f(5)];
    expect(tableRows(filtered, ranking, byId).map((f) => f.id)).toEqual(["2", "5", "1"]);
  });

  it("shows each feature as it is now, not as the ranking last saw it", () => {
    const edited = { ...f(4), data: { ...f(4).data, title: "Four" } };
    const rows = tableRows([f(1), f(2), f(3), edited, f(5)], ranking, byId);
    expect(rows[0]).toBe(edited);
  });
});
