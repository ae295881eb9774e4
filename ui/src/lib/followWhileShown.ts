import { untrack } from "svelte";

/**
 * `target` as a section kept hidden should see it: while `shown()` holds, reading a property
 * tracks it as usual; while it does not, the property's current value is read without tracking,
 * so the hidden section's effects and derived values do not run again at every change (with
 * 10,000 features a hidden board or list would redraw at each edit). When the section shows
 * again, everything that read through this view runs once and reads the values of that moment.
 * Methods are bound to `target`, and writes go to it.
 */
export function followWhileShown<T extends object>(target: T, shown: () => boolean): T {
  return new Proxy(target, {
    get(object, key) {
      const value = shown() ? Reflect.get(object, key) : untrack(() => Reflect.get(object, key));
      return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(object) : value;
    },
    set(object, key, value) {
      return Reflect.set(object, key, value);
    },
  });
}
