// Ids of items that undo re-creates.

/**
 * Ids of items that undo re-creates: a deleted feature comes back with a new id, and edits
 * recorded against the old one follow it.
 */
export class Ids {
  #next = new Map<number, number>();

  alias(old: number, current: number) {
    if (old !== current) this.#next.set(old, current);
  }

  resolve(id: number): number {
    let current = id;
    for (let hops = 0; this.#next.has(current) && hops < 1000; hops++) current = this.#next.get(current) ?? current;
    return current;
  }

  clear() {
    this.#next.clear();
  }
}
