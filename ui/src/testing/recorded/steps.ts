// The shape of a recorded step: a command the UI sends, what it sent, and the real core's answer
// or refusal (tests/ipc/recorded.rs writes the recordings beside this file).
import type {
  Author,
  Changes,
  CommandError,
  Edited,
  Feature,
  FeatureImport,
  FeatureOptions,
  ImportKind,
  LogPage,
  Operation,
  PlanContents,
} from "../../bindings";

type Answer<T> = { ok: T } | { error: CommandError };

export type Step =
  | ({ cmd: "load_plan"; args: { first: number | null } } & Answer<PlanContents>)
  | ({ cmd: "author"; args: Record<string, never> } & Answer<Author>)
  | ({ cmd: "apply"; args: { op: Operation } } & Answer<Edited>)
  | ({ cmd: "undo" | "redo"; args: Record<string, never> } & Answer<Edited | null>)
  | ({ cmd: "history"; args: { offset: number; limit: number } } & Answer<LogPage>)
  | ({ cmd: "pick_import_file"; args: { kind: ImportKind } } & Answer<string | null>)
  | ({ cmd: "preview_feature_import"; args: { options: FeatureOptions } } & Answer<FeatureImport>);

/** An edit's answer between the features before it and after it, as the core read them. */
export interface PatchCase {
  before: Feature[];
  changes: Changes;
  after: Feature[];
}
