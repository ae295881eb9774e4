#!/usr/bin/env bash
# Validates the Linux desktop integration as the .deb installs it, with the validators software
# centres and desktops use: the menu entry (the bundler's template filled as it fills it, from
# tauri.conf.json) with desktop-file-validate, the AppStream metainfo with appstreamcli.
# `make package-test` validates the installed files again.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

conf() { node -p "const c = require('./tauri.conf.json'); $1"; }
name=$(conf 'c.productName')
comment=$(conf 'c.bundle.shortDescription')
mime=$(conf 'c.bundle.fileAssociations.map((a) => a.mimeType).join(";")')
# The bundler's template: {{name}}, {{comment}}, {{exec}}, {{icon}}, {{mime_type}} and the
# {{#if …}} lines around the optional ones.
sed -e '/^{{#if .*}}$/d' -e '/^{{\/if}}$/d' \
  -e "s|{{name}}|$name|g" -e "s|{{comment}}|$comment|g" -e 's|{{exec}}|keel|g' \
  -e 's|{{icon}}|keel|g' -e "s|{{mime_type}}|$mime|g" packaging/keel.desktop >"$work/$name.desktop"
if grep -q '{{' "$work/$name.desktop"; then
  echo "packaging/keel.desktop has a placeholder this check does not fill" >&2
  exit 1
fi
desktop-file-validate "$work/$name.desktop"
appstreamcli validate --no-net packaging/app.keel.desktop.metainfo.xml
grep -q "<launchable type=\"desktop-id\">$name.desktop</launchable>" \
  packaging/app.keel.desktop.metainfo.xml || {
  echo "the metainfo's launchable is not the installed menu entry, $name.desktop" >&2
  exit 1
}
echo "desktop files: the menu entry and the AppStream metainfo are valid"
