#!/usr/bin/env bash
# Makes the macOS disk image from the PyInstaller .app (built with build.spec):
# the app beside a link to /Applications, so that installing is one drag.
#
#   packaging/macos/make_dmg.sh [--app "dist/Préparer ma séance.app"] [--out dist]
#
# Prints the image's path on its last line. Needs hdiutil (macOS). Not verified on
# this project's Linux machine: the GitHub workflow runs it on a macOS runner.
# Signing is readiness.build's (readiness/signing.py): the .app before this script, the
# image after it, then notarised and stapled, when READINESS_CODESIGN_IDENTITY is set.
# Unsigned, Gatekeeper stops the first launch (README: Windows and macOS).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="$root/dist/Préparer ma séance.app"
out="$root/dist"
while (($#)); do
  case "$1" in
    --app) app="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 3 ;;
  esac
done
[[ -d "$app" ]] || { echo "no app in $app (run PyInstaller first)" >&2; exit 1; }
version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/readiness/__init__.py")"
mkdir -p "$out"
dmg="$out/readiness-${version}.dmg"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
# ditto keeps the bundle's symlinks, permissions and extended attributes.
ditto "$app" "$stage/$(basename "$app")"
ln -s /Applications "$stage/Applications"

rm -f "$dmg"
hdiutil create -volname "Préparer ma séance" -srcfolder "$stage" -fs HFS+ \
  -format UDZO -imagekey zlib-level=9 -ov "$dmg" >/dev/null
hdiutil verify "$dmg" >/dev/null
echo "$dmg"
