#!/usr/bin/env bash
# Installs what building (and, with --test, testing) Keel needs and is missing on a
# Debian/Ubuntu machine. Safe to run again: it installs only what is not there.
set -euo pipefail

build_packages=(libwebkit2gtk-4.1-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  libssl-dev build-essential pkg-config)
test_packages=(xvfb xclip dbus-daemon webkit2gtk-driver poppler-utils qpdf faketime syncthing desktop-file-utils appstream)
tauri_driver_version=2.1.0

# The reliability targets (make fuzz, power-loss, faults, torture): FUSE, libfiu.
reliability_packages=(fuse3 fiu-utils python3-pip)

# make package-test: the test tools and ImageMagick, which takes and reads its screenshot.
package_test_packages=(imagemagick)

packages=("${build_packages[@]}")
if [[ "${1:-}" == "--package" ]]; then
  packages+=("${test_packages[@]}" "${package_test_packages[@]}")
fi
if [[ "${1:-}" == "--test" ]]; then
  packages+=("${test_packages[@]}")
fi
if [[ "${1:-}" == "--reliability" ]]; then
  packages+=("${test_packages[@]}" "${reliability_packages[@]}")
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ! command -v node >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi

if ((${#missing[@]})); then
  echo "Installing system packages: ${missing[*]}"
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 20)); then
  echo "Keel's UI build needs Node.js 20 or later; this machine has $(node --version)." >&2
  exit 1
fi

# rust-toolchain.toml pins the Rust the project is tested with; when the machine's stable
# toolchain is that version, name it so (nothing is downloaded).
pinned=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
if command -v rustup >/dev/null 2>&1 && ! rustup toolchain list | grep -q "^${pinned}-"; then
  stable_dir="$(rustup toolchain list -v | awk '/^stable/ {print $NF}')"
  if [[ -n "$stable_dir" ]] && "$stable_dir/bin/rustc" --version | grep -q "^rustc ${pinned} "; then
    rustup toolchain link "$pinned" "$stable_dir"
  else
    echo "Keel is tested with Rust ${pinned} (rust-toolchain.toml); install it with rustup." >&2
    exit 1
  fi
fi

if [[ "${1:-}" == "--test" ]]; then
  if ! cargo install --list | grep -q "^tauri-driver v${tauri_driver_version}:"; then
    echo "Installing tauri-driver ${tauri_driver_version}"
    cargo install tauri-driver --version "${tauri_driver_version}" --locked
  fi
fi

if [[ "${1:-}" == "--reliability" ]]; then
  if ! python3 -c "import mfusepy" 2>/dev/null; then
    echo "Installing the Python FUSE binding mfusepy"
    python3 -m pip install --quiet mfusepy 2>/dev/null ||
      python3 -m pip install --quiet --break-system-packages mfusepy
  fi
  if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "Installing cargo-fuzz"
    cargo install cargo-fuzz --locked
  fi
fi
