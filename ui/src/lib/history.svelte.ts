// Undo and redo: the last `limit` edits, each knowing how to apply and revert itself.

export interface Edit {
  /** What the edit did, in a few words ("Edit Title"). */
  label: string;
  redo(): Promise<void>;
  undo(): Promise<void>;
}

export class History {
  #done = $state<Edit[]>([]);
  #undone = $state<Edit[]>([]);

  constructor(readonly limit = 100) {}

  /** Records an edit that has just been applied; it clears what could be redone. */
  record(edit: Edit) {
    this.#done = [...this.#done, edit].slice(-this.limit);
    this.#undone = [];
  }

  get undoLabel(): string | null {
    return this.#done.at(-1)?.label ?? null;
  }

  get redoLabel(): string | null {
    return this.#undone.at(-1)?.label ?? null;
  }

  get size(): number {
    return this.#done.length;
  }

  /** Reverts the last edit; when reverting fails the edit stays where it was. */
  async undo(): Promise<Edit | null> {
    const edit = this.#done.at(-1);
    if (!edit) return null;
    await edit.undo();
    this.#done = this.#done.slice(0, -1);
    this.#undone = [...this.#undone, edit];
    return edit;
  }

  async redo(): Promise<Edit | null> {
    const edit = this.#undone.at(-1);
    if (!edit) return null;
    await edit.redo();
    this.#undone = this.#undone.slice(0, -1);
    this.#done = [...this.#done, edit];
    return edit;
  }

  clear() {
    this.#done = [];
    this.#undone = [];
  }
}
