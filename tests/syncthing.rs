//! Two founders' Keels syncing one plan through real Syncthing daemons, each with its own
//! plan file and its own shared folder, on 127.0.0.1 only (discovery, relays and NAT traversal
//! off). Both edit while the second laptop's Syncthing is not running; once it runs and the
//! daemons connect, each Keel takes the other's change files and both plans are the same.
//! The test starts and stops everything itself; `make test` installs Syncthing.

mod fixed_clock;

use keel_core::domain::{FeatureData, RiskClass};
use keel_core::{Operation, PlanDocument, PlanFile};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A Syncthing daemon, stopped when dropped.
struct Daemon(Child);

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port on 127.0.0.1")
        .port()
}

/// Makes a Syncthing home (keys) and returns its device id.
fn generate(home: &Path) -> String {
    let out = Command::new("syncthing")
        .args(["generate", "--no-default-folder"])
        .arg(format!("--home={}", home.display()))
        .output()
        .expect("syncthing runs (make test installs it: the Debian package syncthing)");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    text.lines()
        .find_map(|l| l.split("Device ID: ").nth(1))
        .map(|id| id.trim().to_string())
        .unwrap_or_else(|| panic!("no device id in: {text}"))
}

/// One laptop's Syncthing: its home, the folder it shares, its device and port.
struct Laptop {
    home: PathBuf,
    folder: PathBuf,
    device: String,
    port: u16,
}

/// The daemon's whole configuration: one folder shared with the other laptop, which it reaches
/// at a fixed address on 127.0.0.1; no GUI, discovery, relays, NAT traversal or reporting.
fn configure(me: &Laptop, other: &Laptop) {
    let config = format!(
        r#"<configuration version="36">
  <folder id="keel-team" label="Keel team" path="{folder}" type="sendreceive" rescanIntervalS="1" fsWatcherEnabled="true" fsWatcherDelayS="1">
    <device id="{me}"></device>
    <device id="{other}"></device>
  </folder>
  <device id="{me}" name="me"><address>tcp://127.0.0.1:{my_port}</address></device>
  <device id="{other}" name="other"><address>tcp://127.0.0.1:{other_port}</address></device>
  <gui enabled="false" tls="false"><address>127.0.0.1:0</address></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:{my_port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <startBrowser>false</startBrowser>
    <reconnectionIntervalS>1</reconnectionIntervalS>
  </options>
</configuration>
"#,
        folder = me.folder.display(),
        me = me.device,
        other = other.device,
        my_port = me.port,
        other_port = other.port,
    );
    std::fs::write(me.home.join("config.xml"), config).unwrap();
}

fn start(laptop: &Laptop) -> Daemon {
    let log = std::fs::File::create(laptop.home.join("daemon.log")).unwrap();
    Daemon(
        Command::new("syncthing")
            .args(["serve", "--no-browser", "--no-restart"])
            .arg(format!("--home={}", laptop.home.display()))
            .env("STNOUPGRADE", "1")
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .expect("syncthing starts"),
    )
}

/// Keel, as a founder runs it: one sync of the plan through the folder.
fn keel_sync(plan: &Path, folder: &Path) -> String {
    let out = keel(&["sync"], plan, folder, "");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `keel COMMAND PLAN FOLDER` with `input` on its standard input (the team's passphrase).
fn keel(command: &[&str], plan: &Path, folder: &Path, input: &str) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_keel"))
        .args(command)
        .arg(plan)
        .arg(folder)
        .env(fixed_clock::VAR, fixed_clock::AT)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("keel runs");
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().expect("keel ends")
}

/// One sync of the plan through a sealed folder, with the team's passphrase.
fn keel_sync_sealed(plan: &Path, folder: &Path) -> String {
    let out = keel(&["sync"], plan, folder, PASSPHRASE);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const PASSPHRASE: &str = "the team's own passphrase\n";

fn add(plan: &Path, title: &str, author: &str) {
    PlanFile::open(plan)
        .unwrap()
        .apply(
            Operation::CreateFeature {
                data: FeatureData::new(title, RiskClass::Business),
            },
            author,
        )
        .unwrap();
}

/// The change files in a laptop's copy of the shared folder (Syncthing's own files aside).
fn change_files(folder: &Path) -> usize {
    walk(folder)
        .iter()
        .filter(|p| {
            p.extension().is_some_and(|e| e == "keelchanges")
                && !p.file_name().unwrap().to_string_lossy().starts_with('.')
        })
        .count()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn wait_for(what: &str, limit: Duration, ok: impl Fn() -> bool) -> Duration {
    let start = Instant::now();
    while !ok() {
        assert!(start.elapsed() < limit, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
    start.elapsed()
}

fn plan(path: &Path) -> PlanDocument {
    let mut doc = PlanFile::open(path).unwrap().document().unwrap();
    doc.plan.updated_at = String::new();
    doc
}

/// Two laptops with their Syncthing configured to each other, and a copy each of one plan.
fn two_laptops(dir: &Path) -> (Laptop, Laptop, PathBuf, PathBuf) {
    let laptop = |name: &str| {
        let home = dir.join(name).join("syncthing");
        let folder = dir.join(name).join("Shared");
        std::fs::create_dir_all(&home).unwrap();
        std::fs::create_dir_all(&folder).unwrap();
        Laptop {
            device: generate(&home),
            home,
            folder,
            port: free_port(),
        }
    };
    let (ali, dana) = (laptop("ali"), laptop("dana"));
    configure(&ali, &dana);
    configure(&dana, &ali);
    let ali_plan = dir.join("ali").join("plan.keel");
    let dana_plan = dir.join("dana").join("plan.keel");
    // The founders' edits are made in this process: at the tests' moment.
    fixed_clock::fix();
    drop(keel_core::samples::create_sample_plan(&ali_plan, fixed_clock::today()).unwrap());
    std::fs::copy(&ali_plan, &dana_plan).unwrap();
    (ali, dana, ali_plan, dana_plan)
}

#[test]
fn two_laptops_edit_apart_then_converge_through_syncthing() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana, ali_plan, dana_plan) = two_laptops(dir.path());

    // Ali's laptop is online; Dana's Syncthing is not running. Both link the plan to the
    // folder (it starts where their copies are: no copy of the plan goes into it).
    let _ali_daemon = start(&ali);
    keel_sync(&ali_plan, &ali.folder);
    keel_sync(&dana_plan, &dana.folder);
    assert_eq!(change_files(&ali.folder), 0);
    add(&ali_plan, "Pricing page", "Ali");
    assert!(keel_sync(&ali_plan, &ali.folder).contains("Wrote this copy's new changes"));
    add(&dana_plan, "Weaver forum", "Dana");
    assert!(keel_sync(&dana_plan, &dana.folder).contains("Wrote this copy's new changes"));
    assert_eq!(change_files(&ali.folder), 1);
    assert_eq!(change_files(&dana.folder), 1);

    // Dana's laptop comes online: the daemons connect and exchange the files.
    let _dana_daemon = start(&dana);
    let took = wait_for(
        "both folders to hold both files",
        Duration::from_secs(90),
        || change_files(&ali.folder) == 2 && change_files(&dana.folder) == 2,
    );
    println!("Syncthing brought both change files across in {took:?}");
    let at_ali = keel_sync(&ali_plan, &ali.folder);
    assert!(
        at_ali.contains("Dana: 1 change — Added “Weaver forum”"),
        "{at_ali}"
    );
    let at_dana = keel_sync(&dana_plan, &dana.folder);
    assert!(
        at_dana.contains("Ali: 1 change — Added “Pricing page”"),
        "{at_dana}"
    );
    assert_eq!(
        plan(&ali_plan),
        plan(&dana_plan),
        "both laptops have the same plan"
    );
    let titles: Vec<String> = plan(&ali_plan)
        .features
        .into_iter()
        .map(|f| f.data.title)
        .collect();
    assert!(titles.contains(&"Pricing page".to_string()));
    assert!(titles.contains(&"Weaver forum".to_string()));
}

#[test]
fn a_sealed_folder_carries_only_sealed_files_and_both_laptops_converge() {
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana, ali_plan, dana_plan) = two_laptops(dir.path());
    let (_a, _d) = (start(&ali), start(&dana));
    let sealed = keel(&["seal"], &ali_plan, &ali.folder, PASSPHRASE);
    assert!(
        sealed.status.success(),
        "{}",
        String::from_utf8_lossy(&sealed.stderr)
    );
    keel_sync_sealed(&ali_plan, &ali.folder);
    let has = |folder: &Path, extension: &str| {
        walk(folder)
            .iter()
            .any(|p| p.extension().is_some_and(|e| e == extension))
    };
    wait_for(
        "the seal and the base at Dana's",
        Duration::from_secs(90),
        || has(&dana.folder, "keelseal") && has(&dana.folder, "keelbase"),
    );

    // Dana's Keel without the passphrase reads and writes nothing, and says so.
    let before = std::fs::read(&dana_plan).unwrap();
    let refused = keel(&["sync"], &dana_plan, &dana.folder, "a guess at it\n");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("That passphrase does not open"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(std::fs::read(&dana_plan).unwrap(), before);
    keel_sync_sealed(&dana_plan, &dana.folder);

    add(&ali_plan, "Pricing page", "Ali");
    assert!(keel_sync_sealed(&ali_plan, &ali.folder).contains("Wrote this copy's new changes"));
    add(&dana_plan, "Weaver forum", "Dana");
    // Both daemons run: Ali's file may reach Dana's folder before this sync, which then takes
    // it (and the later sync finds nothing new). Where Dana takes it does not matter.
    let first_at_dana = keel_sync_sealed(&dana_plan, &dana.folder);
    assert!(
        first_at_dana.contains("Wrote this copy's new changes"),
        "{first_at_dana}"
    );
    wait_for(
        "both folders to hold both files",
        Duration::from_secs(90),
        || change_files(&ali.folder) == 2 && change_files(&dana.folder) == 2,
    );
    let at_ali = keel_sync_sealed(&ali_plan, &ali.folder);
    assert!(
        at_ali.contains("Dana: 1 change — Added “Weaver forum”"),
        "{at_ali}"
    );
    let at_dana = keel_sync_sealed(&dana_plan, &dana.folder);
    assert_eq!(
        [&first_at_dana, &at_dana]
            .iter()
            .filter(|out| out.contains("Ali: 1 change — Added “Pricing page”"))
            .count(),
        1,
        "Dana takes Ali's change once: {first_at_dana}\n{at_dana}"
    );
    assert_eq!(
        plan(&ali_plan),
        plan(&dana_plan),
        "both laptops have the same plan"
    );

    // What Syncthing carried: every file of Keel's sealed, no title in clear.
    for folder in [&ali.folder, &dana.folder] {
        for path in walk(folder) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with('.') || path.components().any(|c| c.as_os_str() == ".stfolder") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            assert!(
                bytes.starts_with(b"KEEL-SEALED"),
                "{} is sealed",
                path.display()
            );
            for title in ["Pricing page", "Weaver forum"] {
                assert!(
                    !bytes.windows(title.len()).any(|w| w == title.as_bytes()),
                    "{} holds “{title}” in clear",
                    path.display()
                );
            }
        }
    }
}

fn percentiles(mut v: Vec<Duration>) -> (Duration, Duration) {
    v.sort();
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.95))
}

/// A benchmark, not a test (`make bench-sync`): from an edit on Ali's laptop to the feature in
/// Dana's plan, through Keel's sync on both sides and Syncthing between them. Each edit's time
/// is split into Keel writing the change file (edit and `keel sync`, as a process), Syncthing
/// bringing it to Dana's folder, and Keel taking it in (`keel sync` on Dana's side).
#[test]
#[ignore = "a benchmark: make bench-sync"]
fn edit_to_appearance_through_syncthing() {
    const EDITS: usize = 20;
    let dir = tempfile::tempdir().unwrap();
    let (ali, dana, ali_plan, dana_plan) = two_laptops(dir.path());
    let (_a, _d) = (start(&ali), start(&dana));
    keel_sync(&ali_plan, &ali.folder);
    keel_sync(&dana_plan, &dana.folder);
    let (mut write, mut carry, mut take) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..EDITS {
        let before = change_files(&dana.folder);
        let t = Instant::now();
        add(&ali_plan, &format!("Idea {i}"), "Ali");
        keel_sync(&ali_plan, &ali.folder);
        write.push(t.elapsed());
        carry.push(wait_for(
            "the file at Dana's",
            Duration::from_secs(60),
            || change_files(&dana.folder) > before,
        ));
        let t = Instant::now();
        let said = keel_sync(&dana_plan, &dana.folder);
        assert!(said.contains(&format!("Added “Idea {i}”")), "{said}");
        take.push(t.elapsed());
    }
    let total: Vec<Duration> = (0..EDITS).map(|i| write[i] + carry[i] + take[i]).collect();
    for (name, v) in [
        ("Keel writes (edit + keel sync)", write),
        ("Syncthing carries the file", carry),
        ("Keel takes it in (keel sync)", take),
        ("edit to appearance, in all", total),
    ] {
        let (p50, p95) = percentiles(v);
        println!(
            "{name}: p50 {} ms, p95 {} ms",
            p50.as_millis(),
            p95.as_millis()
        );
    }
}
