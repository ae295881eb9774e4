#!/usr/bin/env bash
# Installs the built .deb on this machine, uses the installed app the way a founder would, and
# removes it again. Run by `make package-test` (after `make package`); needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
DEB=$(ls target/release/bundle/deb/*_"${VERSION}"_*.deb | head -1)
SHOTS=target/tmp/screenshots
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$SHOTS"

fail() { echo "package-test: $*" >&2; exit 1; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

deb_bytes=$(stat -c %s "$DEB")
echo "package:   $DEB ($(mb "$deb_bytes"))"
[ "$deb_bytes" -lt 30000000 ] || fail "the .deb is $(mb "$deb_bytes"); the target is under 30 MB"

PKG=$(dpkg-deb -f "$DEB" Package)
$SUDO dpkg -i "$DEB" >/dev/null
echo "installed: $PKG $(dpkg-query -W -f '${Version}' "$PKG")"

files=$(dpkg -L "$PKG")
for want in /usr/bin/keel /usr/share/applications/Keel.desktop /usr/share/mime/packages/keel.xml \
  /usr/share/icons/hicolor/128x128/apps/keel.png; do
  grep -qx "$want" <<<"$files" || fail "$want is not in the package"
done
bin_bytes=$(stat -c %s /usr/bin/keel)
echo "binary:    /usr/bin/keel ($(mb "$bin_bytes"))"
[ "$bin_bytes" -lt 45000000 ] || fail "the installed binary is $(mb "$bin_bytes"); the target is under 45 MB"

desktop=/usr/share/applications/Keel.desktop
grep -qx 'Categories=Office;ProjectManagement;' "$desktop" || fail "the menu entry is not in Office"
grep -q '^MimeType=application/x-keel;' "$desktop" || fail "the menu entry does not claim .keel files"
grep -q '^Exec=keel %f' "$desktop" || fail "the menu entry does not pass the file to Keel"
grep -q 'application/x-keel:\*\.keel' /usr/share/mime/globs2 || fail ".keel is not registered as application/x-keel"
desktop-file-validate "$desktop" || fail "the installed menu entry does not validate"
metainfo=/usr/share/metainfo/app.keel.desktop.metainfo.xml
grep -qx "$metainfo" <<<"$files" || fail "$metainfo is not in the package"
appstreamcli validate --no-net "$metainfo" >/dev/null || fail "the installed AppStream metainfo does not validate"
echo "desktop:   $(grep -E '^(Name|Comment|Categories|MimeType)=' "$desktop" | tr '\n' ' ')"

version=$(/usr/bin/keel --version)
[ "$version" = "keel $VERSION" ] || fail "keel --version says '$version', Cargo.toml says $VERSION"
echo "version:   $version"

plan="$WORK/Acme Robotics.keel"
/usr/bin/keel new "$plan" --sample >/dev/null
/usr/bin/keel export "$plan" --format pdf --out "$WORK/plan.pdf" >/dev/null
pages=$(pdfinfo "$WORK/plan.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ -n "$pages" ] || fail "the installed keel wrote no valid PDF"
echo "exported:  a $pages-page PDF"

# Open the plan as a file manager would: the desktop entry's Exec line with %f replaced.
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1)
export XDG_DATA_HOME="$WORK/data"
xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  '"${exec_line%% *}"' "$1" &
  app=$!
  for _ in $(seq 1 60); do
    sleep 0.5
    if import -window root "$2" 2>/dev/null && [ "$(convert "$2" -format "%[fx:standard_deviation>0.05]" info:)" = 1 ]; then
      break
    fi
  done
  sleep 2
  import -window root "$2"
  kill "$app"; wait "$app" 2>/dev/null || true
' _ "$plan" "$SHOTS/installed-app.png"
spread=$(convert "$SHOTS/installed-app.png" -format "%[fx:standard_deviation]" info:)
awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }' || fail "the installed app showed an empty screen"
grep -q "Acme Robotics.keel" "$XDG_DATA_HOME/app.keel.desktop/recent.json" ||
  fail "the installed app did not open the plan it was given"
echo "app:       opened the plan; screenshot in $SHOTS/installed-app.png"

$SUDO dpkg -r "$PKG" >/dev/null
[ ! -e /usr/bin/keel ] || fail "/usr/bin/keel is still there after removal"
[ ! -e /usr/share/mime/packages/keel.xml ] || fail "the MIME type is still registered after removal"
! grep -q 'application/x-keel' /usr/share/mime/globs2 || fail ".keel is still in the MIME database after removal"
echo "removed:   $PKG, cleanly"
