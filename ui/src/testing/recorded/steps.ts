// The shape of a recorded step: a command the UI sends, what it sent, and the real core's answer
// or refusal, typed from the generated `commands` (tests/ipc/recorded*.rs writes the recordings
// beside this file). A recording the bindings no longer describe fails the type check.
import type { Changes, CommandError, commands, Feature } from "../../bindings";

type Commands = typeof commands;

/** "loadPlan" → "load_plan": the name the command is invoked by. */
type Snake<S extends string> = S extends `${infer Head}${infer Tail}`
  ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Snake<Tail>}`
  : S;

/** What the command answers when it succeeds (a command that cannot fail answers plainly). */
type Answer<K extends keyof Commands> =
  Awaited<ReturnType<Commands[K]>> extends infer R
    ? [R] extends [{ status: "ok" | "error" }]
      ? Extract<R, { status: "ok" }> extends { data: infer T }
        ? T
        : never
      : R
    : never;

/** Each command, by the name it is invoked by, and its answer. */
export type Answers = { [K in keyof Commands as Snake<K>]: Answer<K> };

export type Step = {
  [C in keyof Answers]: { cmd: C; args: Record<string, unknown> } & ({ ok: Answers[C] } | { error: CommandError });
}[keyof Answers];

/** An edit's answer between the features before it and after it, as the core read them. */
export interface PatchCase {
  before: Feature[];
  changes: Changes;
  after: Feature[];
}
