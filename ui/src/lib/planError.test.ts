import { describe, expect, it } from "vitest";
import { planErrorView } from "./planError";

describe("planErrorView", () => {
  it("offers the step that helps with each kind of failure", () => {
    expect(planErrorView("newer_version")).toEqual({ heading: "This plan needs a newer Keel", next: "update" });
    expect(planErrorView("corrupt").next).toBe("open_another");
    expect(planErrorView("not_sqlite").heading).toBe("This file is not a Keel plan");
    expect(planErrorView("file_missing").next).toBe("open_another");
    expect(planErrorView("io").next).toBe("retry");
  });
});
