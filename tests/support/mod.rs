//! Drives the real app for end-to-end tests: Xvfb (started by `make test` through xvfb-run)
//! → tauri-driver → WebKitWebDriver → the keel binary, with its own data folder.

#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder, Locator};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// tauri-driver's port and WebKitWebDriver's after it; `KEEL_WEBDRIVER_PORT` moves both, so
/// that a long run (the soak) can go on beside `make test`.
fn driver_ports() -> (u16, u16) {
    let port = std::env::var("KEEL_WEBDRIVER_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(4444);
    (port, port + 1)
}

pub struct App {
    pub client: Client,
    driver: Child,
    pub data_home: tempfile::TempDir,
    /// Where "save as" writes in the test build (see `KEEL_E2E_SAVE_DIR`).
    pub save_dir: tempfile::TempDir,
    /// Drawn as shipped, without WebKit's GPU compositing: WebKitWebDriver's screenshot does not
    /// return then (WebKitGTK 2.50), so such an app takes none.
    as_shipped: bool,
}

fn tauri_driver() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    match cargo_home.map(|h| h.join("bin/tauri-driver")) {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn wait_for_port(port: u16, within: Duration) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < within,
            "tauri-driver did not listen on port {port}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The app's data folder under XDG_DATA_HOME (its identifier).
pub const DATA_DIR: &str = "app.keel.desktop";

impl App {
    /// The app's data folder (recent plans, settings, the sample plan).
    pub fn data_dir(&self) -> PathBuf {
        self.data_home.path().join(DATA_DIR)
    }

    /// Starts the app with `args` and a fresh data folder (so a first run opens the sample),
    /// with WebKit's GPU compositing so that screenshots can be taken.
    pub async fn launch(args: &[&str]) -> App {
        App::launch_with(args, &[]).await
    }

    /// Starts the app as it ships (WebKit without GPU compositing); it cannot take screenshots.
    pub async fn launch_as_shipped(args: &[&str]) -> App {
        App::start(args, &[], true).await
    }

    /// Starts the app with `args` and extra environment (such as `KEEL_E2E_OPEN_FILE`), with
    /// GPU compositing as [`App::launch`].
    pub async fn launch_with(args: &[&str], env: &[(&str, &std::ffi::OsStr)]) -> App {
        App::start(args, env, false).await
    }

    async fn start(args: &[&str], env: &[(&str, &std::ffi::OsStr)], as_shipped: bool) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "end-to-end tests need a display: run them under xvfb-run (make test does)"
        );
        let data_home = tempfile::tempdir().unwrap();
        // The founder has said who they are (the dialog of the first edit has its own test).
        let data_dir = data_home.path().join(DATA_DIR);
        std::fs::create_dir_all(&data_dir).unwrap();
        std::fs::write(data_dir.join("settings.json"), r#"{"author":"Dana"}"#).unwrap();
        let save_dir = tempfile::tempdir().unwrap();
        let (driver_port, native_port) = driver_ports();
        let driver = Command::new(tauri_driver())
            .args([
                "--port",
                &driver_port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("XDG_DATA_HOME", data_home.path())
            .env("KEEL_E2E_SAVE_DIR", save_dir.path())
            .env("KEEL_GPU_COMPOSITING", if as_shipped { "0" } else { "1" })
            .env(super::fixed_clock::VAR, super::fixed_clock::AT)
            // No session bus unless the test brings its own: the single-instance plugin would
            // hand this launch to a Keel already running on the desktop's bus.
            .env("DBUS_SESSION_BUS_ADDRESS", "disabled:")
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("tauri-driver runs (make test installs it)");
        wait_for_port(driver_port, Duration::from_secs(20));
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "wry".into());
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": env!("CARGO_BIN_EXE_keel"), "args": args }),
        );
        let client = tokio::time::timeout(
            Duration::from_secs(60),
            ClientBuilder::native()
                .capabilities(caps)
                .connect(&format!("http://127.0.0.1:{driver_port}")),
        )
        .await
        .expect("the WebDriver session starts within a minute")
        .expect("the WebDriver session starts");
        App {
            client,
            driver,
            data_home,
            save_dir,
            as_shipped,
        }
    }

    /// Waits (up to 20 s) for the element at `css` and returns it.
    pub async fn element(&self, css: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|e| panic!("{css} must appear: {e}"))
    }

    /// Waits for an element and returns its text.
    pub async fn text_of(&self, css: &str) -> String {
        self.element(css).await.text().await.unwrap()
    }

    /// Waits for an element and returns the value of its attribute `name`.
    pub async fn attr_of(&self, css: &str, name: &str) -> String {
        self.element(css)
            .await
            .attr(name)
            .await
            .unwrap()
            .unwrap_or_else(|| panic!("{css} has no {name}"))
    }

    pub async fn click(&self, css: &str) {
        self.element(css).await.click().await.unwrap();
    }

    /// Waits until the text content of `css` (trimmed) satisfies `ok`: the UI updates after
    /// the core answers.
    pub async fn wait_text(&self, css: &str, ok: impl Fn(&str) -> bool) -> String {
        let mut text = String::new();
        for _ in 0..100 {
            let found = self
                .client
                .execute(
                    "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : null;",
                    vec![serde_json::Value::String(css.to_string())],
                )
                .await
                .unwrap_or_default();
            if let Some(t) = found.as_str() {
                text = t.to_string();
                if ok(&text) {
                    return text;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{css} never showed the expected text; last: {text:?}");
    }

    /// Replaces the value of the input at `css` and presses Enter (which saves it).
    pub async fn type_into(&self, css: &str, text: &str) {
        // The field may be drawn again between finding and typing (the panel takes the whole
        // plan once it is read): then it is found again, up to three times.
        let mut last = None;
        for _ in 0..3 {
            let input = self.element(css).await;
            let typed = async {
                input.clear().await?;
                input.send_keys(&format!("{text}\u{E007}")).await
            };
            match typed.await {
                Ok(()) => return,
                Err(e) => last = Some(e),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("could not type into {css}: {last:?}");
    }

    /// Presses a shortcut on the page: `key` with Ctrl (and Shift).
    pub async fn shortcut(&self, key: &str, shift: bool) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        use fantoccini::key::Key;
        let mut keys = KeyActions::new("keyboard".into()).then(KeyAction::Down {
            value: Key::Control.into(),
        });
        if shift {
            keys = keys.then(KeyAction::Down {
                value: Key::Shift.into(),
            });
        }
        let ch = key.chars().next().unwrap();
        keys = keys
            .then(KeyAction::Down { value: ch })
            .then(KeyAction::Up { value: ch });
        if shift {
            keys = keys.then(KeyAction::Up {
                value: Key::Shift.into(),
            });
        }
        keys = keys.then(KeyAction::Up {
            value: Key::Control.into(),
        });
        self.client.perform_actions(keys).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Drags the element at `from` onto the element at `to` with the mouse, in small steps.
    pub async fn drag(&self, from: &str, to: &str) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
        let source = self.element(from).await;
        let target = self.element(to).await;
        let mut mouse = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement {
                element: source,
                duration: None,
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        for step in 1..=3 {
            mouse = mouse.then(PointerAction::MoveBy {
                duration: Some(Duration::from_millis(50)),
                x: 4.0 * step as f64,
                y: 4.0 * step as f64,
            });
        }
        mouse = mouse
            .then(PointerAction::MoveToElement {
                element: target,
                duration: Some(Duration::from_millis(200)),
                x: 0.0,
                y: 0.0,
            })
            .then(PointerAction::Up {
                button: MOUSE_BUTTON_LEFT,
            });
        self.client.perform_actions(mouse).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Presses one key (such as "\u{E014}" for the right arrow) on the page.
    pub async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let keys = KeyActions::new("keyboard".into())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(keys).await.unwrap();
        self.client.release_actions().await.unwrap();
    }

    /// Runs axe-core in the page and returns its serious and critical violations, worded.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let axe = Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/node_modules/axe-core/axe.min.js");
        let source =
            std::fs::read_to_string(&axe).expect("axe-core is installed (make test runs npm ci)");
        self.client
            .execute(&format!("{source}\nwindow.axe = axe; return true;"), vec![])
            .await
            .expect("axe-core loads in the page");
        let found = self
            .client
            .execute_async(
                "const done = arguments[0];
                 window.axe.run(document, { resultTypes: ['violations'] }).then((r) => done(
                   r.violations
                     .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                     .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
                 ), (e) => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        found
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Resizes the window (the Xvfb screen is 1920×1080).
    pub async fn resize(&self, width: u32, height: u32) {
        self.client
            .set_window_size(width, height)
            .await
            .expect("the window resizes");
    }

    pub async fn count(&self, css: &str) -> usize {
        self.client.find_all(Locator::Css(css)).await.unwrap().len()
    }

    /// Waits (up to 10 s) until `expected` elements match `css`, and returns how many do then:
    /// the window redraws after the core answers, so a count is read once it can be right.
    pub async fn count_once(&self, css: &str, expected: usize) -> usize {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let n = self.count(css).await;
            if n == expected || Instant::now() > deadline {
                return n;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Saves a PNG of the window under target/tmp/screenshots/ and returns its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        assert!(
            !self.as_shipped,
            "an app launched as shipped takes no screenshots (see App::as_shipped)"
        );
        self.client
            .execute_async(
                "requestAnimationFrame(() => requestAnimationFrame(arguments[0]))",
                vec![],
            )
            .await
            .unwrap();
        let png = self.client.screenshot().await.unwrap();
        assert!(png.starts_with(b"\x89PNG"), "the screenshot is a PNG");
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).unwrap();
        path
    }

    /// The process id of tauri-driver, below which the app and its WebKit processes run.
    pub fn driver_pid(&self) -> u32 {
        self.driver.id()
    }

    pub async fn quit(mut self) {
        let _ = self.client.clone().close().await;
        stop(&mut self.driver);
    }
}

/// A D-Bus session bus of the test's own (through which a second launch of Keel finds the
/// first), stopped when dropped.
pub struct SessionBus {
    daemon: Child,
    pub address: String,
}

impl SessionBus {
    pub fn start() -> SessionBus {
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon runs (make test installs it)");
        let mut address = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(daemon.stdout.take().unwrap()),
            &mut address,
        )
        .unwrap();
        SessionBus {
            daemon,
            address: address.trim().to_string(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

/// SIGTERM, never SIGKILL: a killed tauri-driver leaves WebKitWebDriver holding the port.
fn stop(driver: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &driver.id().to_string()])
        .status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        if let Ok(Some(_)) = driver.try_wait() {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = driver.kill();
    let _ = driver.wait();
}

impl Drop for App {
    fn drop(&mut self) {
        if let Ok(None) = self.driver.try_wait() {
            stop(&mut self.driver);
        }
    }
}
