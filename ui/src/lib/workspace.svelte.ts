// The window around the plan: which section shows, the side panel, the dialogs and overlays,
// and what the window does — the actions of lib/actions.ts and the flows of lib/flows/. The
// plan itself and its edits are the editor's; App.svelte lays all of it out.
import type { ExportFormat, FirstStep, ImportKind, ItemRef, PlanContents } from "../bindings";
import { actionFor, actions, type Actor } from "./actions";
import { BackendError, backend, onPlanOpened } from "./backend";
import { PlanEditor, type MergeNews } from "./editor.svelte";
import { runFile } from "./flows/files";
import { pickImport } from "./flows/imports";
import { merge } from "./flows/merge";
import { keepSyncing, linkSync } from "./flows/sync";
import type { Entry } from "./palette";
import type { Section } from "./sections";
import { applyTheme, chosenTheme, type Theme } from "./theme";

/** Whether a key press lands in a text field (which keeps some keys for itself). */
function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))
  );
}

export class Workspace implements Actor {
  readonly editor = new PlanEditor();
  section = $state<Section>("overview");
  /** The feature in the side panel, "new" for a draft, or null when it is closed. */
  panel = $state<string | null>(null);
  /** The help, when open: at a topic when opened from a "?" beside an idea or a finding. */
  help = $state<{ topic: string | null } | null>(null);
  theme = $state<Theme>(chosenTheme());
  presenting = $state(false);
  about = $state(false);
  palette = $state(false);
  /** An export the palette asked for, run by the Export section when it shows. */
  exportStart = $state<ExportFormat | null>(null);
  /** What the last merge brought in, while its dialog is open. */
  merged = $state.raw<MergeNews | null>(null);
  /** The file chosen to import from, while its preview shows. */
  importing = $state<{ kind: ImportKind; file: string } | null>(null);
  importError = $state<string | null>(null);
  /** Why the last file, sync or merge action failed (the open plan stayed). */
  fileError = $state.raw<BackendError | null>(null);

  show(section: Section) {
    this.section = section;
  }

  focusIn(section: Section, selector: string) {
    this.section = section;
    focusWhenShown(selector);
  }

  setTheme(next: Theme) {
    this.theme = next;
    applyTheme(next);
  }

  newFeature() {
    const editor = this.editor;
    if (editor.readOnly !== null) {
      editor.save = { kind: "failed", message: editor.view?.refusal ?? editor.readOnly };
      return;
    }
    this.section = "features";
    this.panel = "new";
    focusWhenShown("aside.panel[aria-label='New feature'] input[type=text]");
  }

  search() {
    this.section = "features";
    requestAnimationFrame(() => document.getElementById("feature-search")?.focus());
  }

  exportAs(format: ExportFormat) {
    this.section = "export";
    this.exportStart = format;
  }

  /** Present mode shows the whole plan: asked for before it is all read (right after the first
   *  screen), it opens once it is. */
  async present() {
    const editor = this.editor;
    if (editor.view === null) return;
    await editor.finishLoading();
    this.presenting = editor.view !== null && editor.complete;
  }

  undo() {
    void this.editor.undo();
  }
  redo() {
    void this.editor.redo();
  }
  newPlan() {
    void runFile(this, backend.newPlan);
  }
  openPlan() {
    void runFile(this, backend.openPlan);
  }
  saveAs() {
    void runFile(this, backend.savePlanAs);
  }
  openSample() {
    void runFile(this, backend.openSample);
  }
  /** Runs a file action the file menu chose (a recent plan, the sample…). */
  runFile(action: Parameters<typeof runFile>[1]) {
    return runFile(this, action);
  }
  merge() {
    void merge(this);
  }
  linkSync() {
    void linkSync(this);
  }
  pickImport(kind: ImportKind) {
    void pickImport(this, kind);
  }
  openHelp(topic: string | null = null) {
    this.help = { topic };
  }
  openPalette() {
    this.palette = true;
  }

  /** Opens the place a first step of a new plan is done from, its field focused. */
  takeStep(step: FirstStep) {
    switch (step.kind) {
      case "vision":
        return this.focusIn("vision", "section.company input");
      case "goal":
        return this.focusIn("traction", "[data-focus=goal]");
      case "actual":
        return this.focusIn("traction", "#actual-date");
      case "features":
        return this.newFeature();
      case "findings":
        return this.show("check");
    }
  }

  /** Opens the item a plan-check finding (or a card) concerns. */
  openItem(item: ItemRef) {
    if (item.kind === "feature" && item.id !== null) {
      this.section = "features";
      this.panel = item.id;
    } else {
      this.section = item.kind === "team" ? "teams" : "traction";
    }
  }

  /** Runs what the command palette's entry names. */
  runEntry(entry: Entry) {
    this.palette = false;
    const c = entry.command;
    if (c.kind === "feature") this.openItem({ kind: "feature", id: c.id });
    else actions.find((a) => a.id === c.id)?.run(this);
  }

  /** Esc closes the innermost thing open; the other keys run their action. */
  onKey(event: KeyboardEvent) {
    if (this.presenting || this.palette) return;
    if (event.key === "Escape") return this.escape();
    const action = actionFor(event, typing(event.target));
    if (action === null) return;
    event.preventDefault();
    action.run(this);
  }

  escape() {
    const editor = this.editor;
    editor.clearFailure();
    if (editor.nameRequest) editor.giveName(editor.nameRequest.suggested);
    else if (this.about) this.about = false;
    else if (this.merged) this.merged = null;
    else if (this.importing) this.importing = null;
    else if (this.help) this.help = null;
    else if (this.panel !== null) this.panel = null;
  }

  /** Reads the plan (the first read may have started before the window), then keeps it in
   *  step with its sync folder and with plans the system opens; returns what stops that. */
  start(firstRead?: { started: number; contents: Promise<PlanContents> }): () => void {
    const editor = this.editor;
    const start = firstRead?.started ?? performance.now();
    void editor.load(firstRead?.contents).then(() => {
      const read = performance.now() - start;
      if (!editor.view) return;
      void editor.loadVersions();
      void editor.loadConflicts(false);
      // The second frame after the read is the first one that shows the plan.
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          void backend.uiReady(Math.round(read), Math.round(performance.now() - start - read));
          void editor.finishLoading().then(() => editor.syncNow());
        }),
      );
    });
    const stopSyncing = keepSyncing(editor);
    // A plan double-clicked while Keel runs opens here (the open one stays when it cannot).
    const listening = onPlanOpened((news) => {
      if (news.error) {
        this.fileError = new BackendError(news.error.code, news.error.message, news.error.field);
        return;
      }
      this.fileError = null;
      this.panel = null;
      void editor.reopen();
    });
    return () => {
      stopSyncing();
      void listening.then((stop) => stop());
    };
  }
}

/** Focuses the field `selector` names once its section shows it (the section may be opening). */
function focusWhenShown(selector: string, frames = 60) {
  const field = document.querySelector<HTMLElement>(selector);
  if (field) field.focus();
  else if (frames > 0) requestAnimationFrame(() => focusWhenShown(selector, frames - 1));
}
