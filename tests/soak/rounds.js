// The soak's script, run inside the app's page: one round every `arguments[0]` milliseconds —
// a feature renamed and saved, undone and redone with the app's shortcuts, then every section in
// turn — until `window.keelSoak.stop` is set. `arguments[1]`, to tell where a growth comes from,
// is "edits" for the edits alone, or a list of sections ("traction,features") to move through
// those alone; else each round does both. Progress and the first failure are kept in
// `window.keelSoak` for the test to read.
const [pace, only] = arguments;
const FIRST = "table[aria-label=Features] tbody tr:first-child";
const ALL_SECTIONS = [
  "overview",
  "vision",
  "traction",
  "roadmap",
  "teams",
  "history",
  "check",
  "export",
  "features",
];
const SECTIONS = only && only !== "edits" ? only.split(",") : ALL_SECTIONS;
const soak = { rounds: 0, error: null, stop: false };
window.keelSoak = soak;

const later = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The element at `css` once it is there and `ok` holds for it (up to 20 s). */
async function find(css, ok = () => true) {
  for (let i = 0; i < 400; i++) {
    const e = document.querySelector(css);
    if (e && ok(e)) return e;
    await later(50);
  }
  throw new Error(`${css} never appeared`);
}

const titled = (title) => (e) => e.textContent.trim() === title;

function shortcut(key, shiftKey) {
  window.dispatchEvent(new KeyboardEvent("keydown", { key, ctrlKey: true, shiftKey, bubbles: true }));
}

async function round(n) {
  if (!only || only === "edits") await edit(n);
  if (only !== "edits") {
    for (const section of SECTIONS) {
      (await find(`nav button[data-section=${section}]`)).click();
      await find(`nav button[data-section=${section}][aria-current=page]`);
    }
  }
}

async function edit(n) {
  (await find("nav button[data-section=features]")).click();
  (await find(`${FIRST} .open`)).click();
  const input = await find("aside.panel input[type=text]");
  const title = `Interview weavers, round ${n}`;
  const before = input.value;
  input.focus();
  input.value = title;
  input.dispatchEvent(new Event("input", { bubbles: true }));
  input.dispatchEvent(new Event("change", { bubbles: true }));
  await find(`${FIRST} .title`, titled(title));
  // Out of the field, so that Ctrl+Z is the app's undo rather than the field's.
  input.blur();
  shortcut("z", false);
  await find(`${FIRST} .title`, titled(before));
  shortcut("z", true);
  await find(`${FIRST} .title`, titled(title));
}

(async () => {
  try {
    while (!soak.stop) {
      const start = performance.now();
      await round(soak.rounds + 1);
      soak.rounds += 1;
      await later(Math.max(0, pace - (performance.now() - start)));
    }
  } catch (e) {
    soak.error = String(e);
  }
})();
return true;
