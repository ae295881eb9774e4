import { describe, expect, it } from "vitest";
import { History, type Edit } from "./history.svelte";
import { Ids } from "./ids";

function counter() {
  const state = { value: 0 };
  const edit = (label: string, by: number): Edit => ({
    label,
    redo: async () => {
      state.value += by;
    },
    undo: async () => {
      state.value -= by;
    },
  });
  return { state, edit };
}

describe("History", () => {
  it("undoes and redoes in order", async () => {
    const { state, edit } = counter();
    const history = new History();
    for (const by of [1, 10]) {
      const e = edit(`add ${by}`, by);
      await e.redo();
      history.record(e);
    }
    expect(history.undoLabel).toBe("add 10");
    await history.undo();
    expect(state.value).toBe(1);
    expect(history.redoLabel).toBe("add 10");
    await history.redo();
    expect(state.value).toBe(11);
    await history.undo();
    await history.undo();
    expect(state.value).toBe(0);
    expect(await history.undo()).toBeNull();
  });

  it("keeps only the last edits up to its limit", async () => {
    const { state, edit } = counter();
    const history = new History(100);
    for (let i = 0; i < 105; i++) {
      const e = edit(`#${i}`, 1);
      await e.redo();
      history.record(e);
    }
    expect(history.size).toBe(100);
    while (await history.undo());
    expect(state.value).toBe(5);
  });

  it("a new edit clears what could be redone", async () => {
    const { edit } = counter();
    const history = new History();
    history.record(edit("a", 1));
    await history.undo();
    expect(history.redoLabel).toBe("a");
    history.record(edit("b", 1));
    expect(history.redoLabel).toBeNull();
  });

  it("an edit that fails to revert stays undoable", async () => {
    const history = new History();
    history.record({ label: "x", redo: async () => {}, undo: () => Promise.reject(new Error("refused")) });
    await expect(history.undo()).rejects.toThrow("refused");
    expect(history.undoLabel).toBe("x");
  });
});

describe("Ids", () => {
  it("follows re-created items through several generations", () => {
    const ids = new Ids();
    ids.alias(3, 30);
    ids.alias(30, 31);
    expect(ids.resolve(3)).toBe(31);
    expect(ids.resolve(4)).toBe(4);
  });
});
