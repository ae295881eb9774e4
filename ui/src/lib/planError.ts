// What the window says when a plan cannot be opened, by the core's error code: the core's
// sentence says what happened; the heading and the offered next step depend on what the
// founder can do about it.
import type { BackendErrorCode } from "./backend";

export type NextStep =
  /** The file is fine but needs a newer Keel: nothing to open instead, update Keel. */
  | "update"
  /** The file is damaged, not a plan, or gone: open another plan (or the sample). */
  | "open_another"
  /** Something passing (the disk, the core busy): try again. */
  | "retry";

export interface PlanErrorView {
  heading: string;
  next: NextStep;
}

export function planErrorView(code: BackendErrorCode): PlanErrorView {
  switch (code) {
    case "newer_version":
      return { heading: "This plan needs a newer Keel", next: "update" };
    case "corrupt":
      return { heading: "This plan file is damaged", next: "open_another" };
    case "not_sqlite":
    case "other_application":
      return { heading: "This file is not a Keel plan", next: "open_another" };
    case "file_missing":
      return { heading: "The plan file is gone", next: "open_another" };
    case "read_only":
      return { heading: "This plan is open read-only", next: "open_another" };
    default:
      return { heading: "Keel could not open a plan", next: "retry" };
  }
}
