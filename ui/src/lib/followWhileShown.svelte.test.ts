import { flushSync } from "svelte";
import { describe, expect, it } from "vitest";
import { followWhileShown } from "./followWhileShown";

class Counter {
  count = $state(0);
  other = $state("a");
  bump() {
    this.count += 1;
  }
}

/** Runs an effect reading `read()` and returns the values it saw, one per run. */
function watch<T>(read: () => T): { seen: T[]; stop: () => void } {
  const seen: T[] = [];
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(read());
    });
  });
  flushSync();
  return { seen, stop };
}

describe("followWhileShown", () => {
  it("follows every change while shown", () => {
    const counter = new Counter();
    const view = followWhileShown(counter, () => true);
    const { seen, stop } = watch(() => view.count);
    counter.count = 1;
    flushSync();
    counter.count = 2;
    flushSync();
    expect(seen).toEqual([0, 1, 2]);
    stop();
  });

  it("stops following while hidden and catches up when shown again", () => {
    const counter = new Counter();
    let shown = $state(true);
    const view = followWhileShown(counter, () => shown);
    const { seen, stop } = watch(() => view.count);
    shown = false;
    flushSync();
    // Hiding runs the effect once, with the value it already had.
    expect(seen).toEqual([0, 0]);
    counter.count = 5;
    flushSync();
    counter.count = 6;
    flushSync();
    expect(seen).toEqual([0, 0]);
    shown = true;
    flushSync();
    expect(seen).toEqual([0, 0, 6]);
    counter.count = 7;
    flushSync();
    expect(seen).toEqual([0, 0, 6, 7]);
    stop();
  });

  it("reads current values while hidden, calls methods and writes on the target", () => {
    const counter = new Counter();
    const view = followWhileShown(counter, () => false);
    counter.count = 3;
    expect(view.count).toBe(3);
    view.bump();
    expect(counter.count).toBe(4);
    view.other = "b";
    expect(counter.other).toBe("b");
  });
});
