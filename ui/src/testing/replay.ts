// A core that answers with the real core's recorded answers (src/testing/recorded/), in the
// order they were recorded for each command: it keeps only the sequence, no rule of its own.
import { mockIPC } from "@tauri-apps/api/mocks";
import type { Step } from "./recorded/steps";

export interface Replay {
  /** The commands the window sent, with what it sent. */
  calls: { cmd: string; args: Record<string, unknown> }[];
}

/** Answers each command with the next recorded answer to it; a command with none left fails
 *  the test that sent it. */
export function replay(steps: readonly Step[]): Replay {
  const queue = [...steps];
  const calls: Replay["calls"] = [];
  mockIPC((cmd, args) => {
    const sent = (args ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args: sent });
    const at = queue.findIndex((s) => s.cmd === cmd);
    if (at < 0) throw new Error(`the recording has no answer to ${cmd}`);
    const [step] = queue.splice(at, 1);
    if (!step) throw new Error(`the recording has no answer to ${cmd}`);
    if ("error" in step) throw step.error;
    return structuredClone(step.ok);
  });
  return { calls };
}
