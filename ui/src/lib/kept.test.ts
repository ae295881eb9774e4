import { describe, expect, it } from "vitest";
import { kept } from "./kept";

describe("kept", () => {
  it("keeps the held value when the next one is equal, and takes a changed one", () => {
    const held = { days_left: 29, on_bottleneck: [{ id: "1", title: "A" }] };
    expect(kept(held, { days_left: 29, on_bottleneck: [{ id: "1", title: "A" }] })).toBe(held);
    const changed = { days_left: 29, on_bottleneck: [{ id: "1", title: "B" }] };
    expect(kept(held, changed)).toBe(changed);
    expect(kept(null, changed)).toBe(changed);
    expect(kept<typeof held | null>(held, null)).toBeNull();
  });
});
