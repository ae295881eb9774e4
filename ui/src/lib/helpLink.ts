import { getContext, setContext } from "svelte";

// Opens the help at a topic (an idea such as "msc", or a plan-check rule such as "K006") from
// wherever the idea appears.
const KEY = Symbol("keel:open-help");

export function provideHelp(open: (topic: string) => void) {
  setContext(KEY, open);
}

export function helpOpener(): ((topic: string) => void) | null {
  return getContext<((topic: string) => void) | undefined>(KEY) ?? null;
}
