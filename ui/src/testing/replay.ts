// A core that answers with the real core's recorded answers (src/testing/recorded/), in the
// order they were recorded: it keeps only the sequence, no rule, label or state of its own.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Operation } from "../bindings";
import type { Answers, Step } from "./recorded/steps";

export interface Replay {
  /** The commands the window sent, with what it sent. */
  calls: { cmd: string; args: Record<string, unknown> }[];
  /** The operations the window applied, and its undos and redos, in order. */
  writes(): string[];
  /** The operations the window applied. */
  applied(): Operation[];
}

/** Commands that change the plan (or move the recording on): each recorded answer is given once. */
const CHANGES = new Set([
  "apply",
  "undo",
  "redo",
  "take_other_value",
  "keep_conflict",
  "merge_teammate",
  "link_sync_folder",
  "unlink_sync_folder",
  "seal_sync_folder",
  "unlock_sync_folder",
  "mark_version",
  "set_author",
  "sync_now",
  "load_plan",
]);

const opOf = (args: Record<string, unknown>) => (args.op as Operation | undefined)?.op;

/** JSON with each object's keys in order: the same arguments give the same text. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );

/** Whether `step` answers `cmd` sent with `args`: an edit answers the same kind of operation,
 *  any other command the same arguments. */
const answers = (step: Step, cmd: string, args: Record<string, unknown>) =>
  step.cmd === cmd && (cmd === "apply" ? opOf(step.args) === opOf(args) : canonical(step.args) === canonical(args));

/** Answers each command that changes the plan with its next recorded answer to the same
 *  arguments (an edit with the next answer to the same kind of operation), in the recording's
 *  order. A read is answered as the plan stood at that point of the recording: with the last
 *  answer recorded to it before the next change not yet sent (or, read sooner than recorded,
 *  its first answer), however often the window reads.
 *  A command with no recorded answer fails the call that sent it. */
export function replay(...recordings: (readonly Step[])[]): Replay {
  const steps: Step[] = recordings.flat();
  const used = new Set<number>();
  /** Where the recording stands: the last change sent. */
  let cursor = -1;
  const calls: Replay["calls"] = [];
  const applied = () => calls.flatMap((c) => (c.cmd === "apply" ? [c.args.op as Operation] : []));
  const find = (cmd: string, sent: Record<string, unknown>): Step | undefined => {
    if (CHANGES.has(cmd)) {
      // The same operation if it was recorded, else the next of its kind.
      const open = (s: Step, i: number) => !used.has(i) && answers(s, cmd, sent);
      const same = steps.findIndex((s, i) => open(s, i) && canonical(s.args) === canonical(sent));
      const at = same >= 0 ? same : steps.findIndex(open);
      if (at < 0) return undefined;
      used.add(at);
      cursor = Math.max(cursor, at);
      return steps[at];
    }
    const next = steps.findIndex((s, i) => i > cursor && CHANGES.has(s.cmd) && !used.has(i));
    for (let i = (next < 0 ? steps.length : next) - 1; i >= 0; i--) {
      const step = steps[i];
      if (step && answers(step, cmd, sent)) return step;
    }
    // Read earlier than the recording read it: its first answer.
    return steps.find((s) => answers(s, cmd, sent));
  };
  mockIPC(
    (cmd, args) => {
      const sent = (args ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args: sent });
      const step = find(cmd, sent);
      if (!step) {
        const what = cmd === "apply" ? `apply ${String(opOf(sent))}` : `${cmd} ${canonical(sent)}`;
        throw new Error(`the recording has no answer left to ${what}`);
      }
      if ("error" in step) throw step.error;
      return structuredClone(step.ok);
    },
    { shouldMockEvents: true },
  );
  return {
    calls,
    applied,
    writes: () =>
      calls.flatMap((c) =>
        c.cmd === "apply" ? [opOf(c.args) ?? ""] : c.cmd === "undo" || c.cmd === "redo" ? [c.cmd] : [],
      ),
  };
}

/** The answer recorded for the `index`th call of `cmd` in `recording` (from 0). */
export function answer<C extends keyof Answers>(recording: readonly Step[], cmd: C, index = 0): Answers[C] {
  const step = recording.filter((s) => s.cmd === cmd)[index];
  if (!step || !("ok" in step)) throw new Error(`the recording has no answer ${index} to ${cmd}`);
  return step.ok as Answers[C];
}

/** The refusal recorded for the `index`th refused call of `cmd`. */
export function refusal(recording: readonly Step[], cmd: Step["cmd"], index = 0) {
  const step = recording.filter((s) => s.cmd === cmd && "error" in s)[index];
  if (!step || !("error" in step)) throw new Error(`the recording has no refusal ${index} of ${cmd}`);
  return step.error;
}
