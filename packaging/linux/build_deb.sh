#!/usr/bin/env bash
# Makes the Debian package from a PyInstaller onedir bundle (built with build.spec).
#
#   packaging/linux/build_deb.sh [--bundle dist/readiness] [--out dist]
#                                [--organisation NAME] [--maintainer "Name <email>"]
#
# Layout: the app in /opt/readiness, /usr/bin/readiness a symlink to it, a desktop
# entry and the icon in the hicolor theme. Depends: the system packages whose
# libraries the bundle loads (found with ldd + dpkg -S on this machine, so build on
# the distribution you ship to), plus PortAudio and D-Bus, which are opened at run
# time (dlopen) and so invisible to ldd. Prints the package's path on its last line.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
bundle="$root/dist/readiness"
out="$root/dist"
organisation=""
maintainer=""
while (($#)); do
  case "$1" in
    --bundle) bundle="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --organisation) organisation="$2"; shift 2 ;;
    --maintainer) maintainer="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 3 ;;
  esac
done
bundle="$(cd "$bundle" && pwd)"
[[ -x "$bundle/readiness" ]] || { echo "no bundle in $bundle (run PyInstaller first)" >&2; exit 1; }
mkdir -p "$out"
out="$(cd "$out" && pwd)"

version="$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$root/readiness/__init__.py")"
arch="$(dpkg --print-architecture)"
maintainer="${maintainer:-readiness <readiness@localhost>}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
umask 022

# --- files ------------------------------------------------------------------------
mkdir -p "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
  "$stage/usr/share/doc/readiness" "$stage/DEBIAN"
cp -a "$bundle" "$stage/opt/readiness"
chmod -R u+rwX,go+rX,go-w "$stage/opt/readiness"
ln -s /opt/readiness/readiness "$stage/usr/bin/readiness"
install -m 644 "$here/readiness.desktop" "$stage/usr/share/applications/readiness.desktop"
for png in "$root"/resources/icons/readiness-*.png; do
  size="$(basename "$png" .png)"
  size="${size#readiness-}"
  install -D -m 644 "$png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/readiness.png"
done
install -D -m 644 "$root/resources/icons/readiness.svg" \
  "$stage/usr/share/icons/hicolor/scalable/apps/readiness.svg"
cat >"$stage/usr/share/doc/readiness/copyright" <<EOF
Préparer ma séance (readiness) ${version}${organisation:+, pour ${organisation}}.
Proprietary. The bundled third-party libraries keep their own licences; their texts
are in /opt/readiness/_internal (Qt: LGPL-3.0, OpenCV: Apache-2.0, NumPy: BSD-3-Clause).
EOF

# --- dependencies -----------------------------------------------------------------
internal="$stage/opt/readiness/_internal"
declare -A system_libs=()
missing=()
while IFS= read -r -d '' file; do
  [[ "$(head -c 4 "$file" | od -An -c | tr -d ' ')" == '177ELF' ]] || continue
  while read -r name arrow path _; do
    [[ "$arrow" == "=>" ]] || continue
    if [[ "$path" == "not" ]]; then
      missing+=("$name (needed by ${file#"$stage"})")
    elif [[ "$path" != "$stage"/* ]]; then # not carried in the bundle
      system_libs[$path]=1
    fi
  done < <(LD_LIBRARY_PATH="$internal" ldd "$file" 2>/dev/null || true)
done < <(find "$stage/opt/readiness" -type f \( -name '*.so*' -o -name readiness \) -print0)

# Which package owns each library: one dpkg -S for all of them. With usrmerge, dpkg
# may know a file under /lib or under /usr/lib, so ask for both spellings.
declare -A candidates_of=()
queries=()
for lib in "${!system_libs[@]}"; do
  real="$(readlink -f "$lib")"
  candidates_of[$lib]="$lib $real ${lib#/usr} /usr${lib#/usr} ${real#/usr} /usr${real#/usr}"
  for candidate in ${candidates_of[$lib]}; do queries+=("$candidate"); done
done
declare -A owner_of=()
while IFS= read -r line; do
  [[ "$line" == diversion* || "$line" != *": /"* ]] && continue
  owner="${line%%: /*}"
  owner_of["/${line#*: /}"]="${owner%%:*}"
done < <(printf '%s\n' "${queries[@]}" | sort -u | xargs -r dpkg -S 2>/dev/null || true)

declare -A packages=([libportaudio2]=1 [libdbus-1-3]=1)
for lib in "${!system_libs[@]}"; do
  found=""
  for candidate in ${candidates_of[$lib]}; do
    [[ -n "${owner_of[$candidate]:-}" ]] && { found="${owner_of[$candidate]}"; break; }
  done
  if [[ -n "$found" ]]; then
    packages[$found]=1
  else
    missing+=("$lib: no package owns it")
  fi
done
if ((${#missing[@]})); then
  printf 'libraries the bundle needs are missing on this machine:\n' >&2
  printf '  %s\n' "${missing[@]}" | sort -u >&2
  printf 'install them (README: system packages) and build again\n' >&2
  exit 1
fi
depends="$(printf '%s\n' "${!packages[@]}" | sort | paste -sd, - | sed 's/,/, /g')"

# --- control ----------------------------------------------------------------------
installed_kb="$(du -sk --exclude=DEBIAN "$stage" | cut -f1)"
description_org="${organisation:+ Séances de ${organisation}.}"
cat >"$stage/DEBIAN/control" <<EOF
Package: readiness
Version: ${version}
Architecture: ${arch}
Maintainer: ${maintainer}
Installed-Size: ${installed_kb}
Depends: ${depends}
Recommends: xdg-utils, fonts-dejavu-core | fonts-liberation2
Section: video
Priority: optional
Description: Préparer ma séance : vérifier son ordinateur avant une séance Zoom
 Caméra, micro, haut-parleurs, connexion et applications ouvertes sont
 vérifiés pas à pas, puis la réunion Zoom s'ouvre en un clic.${description_org}
EOF

deb="$out/readiness_${version}_${arch}.deb"
# xz compresses this bundle (libraries mostly) about 15 % better than zstd, and
# every Debian and Ubuntu dpkg reads it.
dpkg-deb --root-owner-group -Zxz -z6 --build "$stage" "$deb" >/dev/null
echo "$deb"
