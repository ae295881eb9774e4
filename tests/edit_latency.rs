//! The edit as the founder feels it: from the key press (Enter) that saves a feature's title in
//! the real window to the first frame that shows the new title in the feature table, measured
//! inside the page (the key event's time to the second animation frame after the table shows
//! the text; the title is typed beforehand and the page left to settle),
//! with the sample plan and with 10,000 features, the latter also after every section was shown
//! once (the window keeps a section it has shown, hidden, and it follows each edit). A benchmark, not a test: `make bench-edit`
//! prints p50 and p95 beside a floor measured in the same run: the same key press on a field
//! that saves nothing, whose handler changes the page (no IPC) and waits for it to be painted —
//! what WebDriver, WebKit, a DOM change and two frames cost without an edit. The figure to
//! watch is the edit over the floor.

#[path = "fixed_clock/mod.rs"]
mod fixed_clock;
mod support;

use serde_json::{json, Value};
use support::App;

const EDITS: usize = 40;

/// Arms a listener: the next Enter in the page starts the clock; once `row` shows `expected`
/// (or at once, when `expected` is null), two animation frames later the time is stored.
const ARM: &str = r#"
const [row, expected, floor] = arguments;
window.__latency = null;
performance.clearMarks();
const onKey = (e) => {
  if (e.key !== "Enter") return;
  document.removeEventListener("keydown", onKey, true);
  const start = e.timeStamp;
  if (floor) {
    // The floor: a change of the page with no IPC, in a node of its own.
    let node = document.getElementById("latency-floor");
    if (!node) {
      node = document.createElement("div");
      node.id = "latency-floor";
      node.style.cssText = "position:fixed;bottom:0;left:0;padding:4px;background:#ffd";
      document.body.append(node);
    }
    node.textContent = expected;
  }
  const check = () => {
    const text = document.querySelector(row)?.textContent.trim();
    if (expected === null || text === expected) {
      requestAnimationFrame(() => requestAnimationFrame(() => {
        const painted = performance.now();
        // Where the time went: the window's marks around the edit's call.
        const at = (name) => performance.getEntriesByName(name, "mark").at(-1)?.startTime;
        const [asked, turn, sent, answered] =
          ["asked", "turn", "sent", "answered"].map((m) => at(`keel-apply-${m}`));
        window.__latency = [painted - start].concat(
          sent && answered ? [asked - start, turn - asked, sent - turn, answered - sent, painted - answered] : [],
        );
      }));
    } else {
      requestAnimationFrame(check);
    }
  };
  check();
};
document.addEventListener("keydown", onKey, true);
return true;
"#;

/// Types `text` into `input`, lets the page settle, then times the Enter that saves it (or, as
/// the `floor`, the Enter whose handler puts `expected` in a node of its own).
async fn measure(
    app: &App,
    (input, row): (&str, &str),
    text: &str,
    expected: Option<&str>,
    floor: bool,
) -> Vec<f64> {
    let field = app.element(input).await;
    field.clear().await.unwrap();
    if !text.is_empty() {
        field.send_keys(text).await.unwrap();
    }
    // The typing is handled before the clock starts: the figure is the Enter alone.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let expected = expected.map_or(Value::Null, |e| json!(e));
    app.client
        .execute(ARM, vec![json!(row), expected, json!(floor)])
        .await
        .unwrap();
    field.send_keys("\u{E007}").await.unwrap();
    // The clock runs in the page; asking for the result often would take the page's time.
    tokio::time::sleep(std::time::Duration::from_millis(600)).await;
    for _ in 0..50 {
        let v = app
            .client
            .execute("return window.__latency;", vec![])
            .await
            .unwrap();
        if let Some(times) = v.as_array() {
            return times.iter().map(|t| t.as_f64().unwrap()).collect();
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the edit never showed");
}

fn percentiles(mut v: Vec<f64>) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

/// The sections of the window, in the sidebar's order.
const SECTIONS: &[&str] = &[
    "overview", "vision", "traction", "roadmap", "teams", "history", "check", "export",
];

async fn run(name: &str, args: &[&str], visit_all: bool) {
    let app = App::launch_as_shipped(args).await;
    app.text_of(".company").await;
    if visit_all {
        for section in SECTIONS {
            app.click(&format!("nav button[data-section={section}]"))
                .await;
            app.element(&format!(
                "nav button[data-section={section}][aria-current=page]"
            ))
            .await;
        }
    }
    app.click("nav button[data-section=features]").await;
    let first = "table[aria-label=Features] tbody tr:first-child";
    app.click(&format!("{first} .open")).await;
    let title = "aside.panel input[type=text]";
    // The first edit also asks nothing (the test's settings name the founder) and warms up.
    let row = format!("{first} .title");
    measure(&app, (title, &row), "Warm-up", Some("Warm-up"), false).await;
    let search = ("#feature-search", "#latency-floor");
    let (mut edits, mut floor) = (Vec::new(), Vec::new());
    // The edit's parts: key press to the edit asked, waiting for its turn, its turn to the call,
    // the call (the core and the IPC), answer to paint.
    let mut parts: [Vec<f64>; 5] = Default::default();
    for i in 0..EDITS {
        let text = format!("Edited title {i}");
        let times = measure(&app, (title, &row), &text, Some(&text), false).await;
        edits.push(times[0]);
        for (part, t) in parts.iter_mut().zip(&times[1..]) {
            part.push(*t);
        }
        let marker = format!("Floor {i}");
        floor.push(measure(&app, search, "", Some(&marker), true).await[0]);
    }
    let (e50, e95) = percentiles(edits);
    let (f50, f95) = percentiles(floor);
    assert!(
        parts.iter().all(|p| p.len() == EDITS),
        "the window marks each edit's call"
    );
    let [to_ask, to_turn, to_call, call, to_paint] = parts.map(|p| percentiles(p).0);
    println!(
        "{name}: key press to painted edit p50 {e50:.1} ms, p95 {e95:.1} ms; \
         floor (a DOM change with no IPC, painted) p50 {f50:.1} ms, p95 {f95:.1} ms; \
         over the floor p50 {:.1} ms, p95 {:.1} ms \
         (p50 of its parts: key press to the edit asked {to_ask:.1} ms, waiting its turn \
         {to_turn:.1} ms, turn to call {to_call:.1} ms, the call {call:.1} ms, answer to paint \
         {to_paint:.1} ms)",
        e50 - f50,
        e95 - f95
    );
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: make bench-edit"]
async fn key_press_to_painted_edit() {
    run("sample plan", &[], false).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.keel");
    drop(
        keel_core::samples::generate::write_large_plan(&path, 10_000, 7, fixed_clock::today())
            .unwrap(),
    );
    run("10,000 features", &[path.to_str().unwrap()], false).await;
    run(
        "10,000 features, every section shown first",
        &[path.to_str().unwrap()],
        true,
    )
    .await;
}
