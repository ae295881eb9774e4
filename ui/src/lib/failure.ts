import { getContext, setContext } from "svelte";

// What a field calls when the value a refusal was about is gone (typed back to the saved value,
// or Esc): the window's "Not saved: …" goes with it.
const KEY = Symbol("keel:refusal-gone");

export function provideRefusalGone(clear: () => void) {
  setContext(KEY, clear);
}

export function refusalGone(): () => void {
  return getContext<(() => void) | undefined>(KEY) ?? (() => undefined);
}
