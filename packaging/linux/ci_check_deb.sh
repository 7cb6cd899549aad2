#!/usr/bin/env bash
# CI, after the tests: the Linux installer from build to removal, as a user gets it.
#
#   bash packaging/linux/ci_check_deb.sh
#
# 1. builds the bundle and the .deb from this checkout (readiness.build, with the
#    PyInstaller that uv.lock pins in the `build` group, in the project's environment,
#    which has PySide6-Essentials only);
# 2. installs it with dpkg -i (apt-get -f for missing dependencies);
# 3. runs the INSTALLED app: `readiness check --only zoom --json`, the window opened
#    and closed offscreen (READINESS_CLOSE_AFTER_MS), the meeting link, the camera
#    step on a video file when that step exists;
# 4. builds again around another session.toml and checks that the installed app
#    prints that other meeting ID;
# 5. removes the package and checks that nothing is left.
# Prints the build times and the sizes. Needs root (dpkg), like CI.
set -euo pipefail
cd "$(dirname "$0")/../.."
export UV_PYTHON_DOWNLOADS=never

step() { printf '\n== %s\n' "$*"; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
installed() { dpkg-query -W -f='${Status}' readiness 2>/dev/null | grep -q "install ok installed"; }
mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1e6 }'; }
seconds_since() { echo $(($(date +%s) - $1)); }

work="$(mktemp -d)"
cleanup() {
  if installed; then dpkg -r readiness >/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if installed; then
  echo "readiness was installed before this check: removing it first"
  dpkg -r readiness >/dev/null
fi

# The installed app runs with its own home, as a fresh user would (uv keeps the real one).
user_home="$work/home"
mkdir -p "$user_home" "$work/runtime" && chmod 700 "$work/runtime"
app_env=(-u XDG_CURRENT_DESKTOP -u DESKTOP_SESSION HOME="$user_home"
  XDG_CONFIG_HOME="$user_home/.config" XDG_DATA_HOME="$user_home/.local/share"
  XDG_STATE_HOME="$user_home/.local/state" XDG_RUNTIME_DIR="$work/runtime"
  LANGUAGE=fr)  # the app follows the system's language: French here, English tried below
app() { env "${app_env[@]}" /usr/bin/readiness "$@"; }
log="$user_home/.local/state/readiness/log/readiness.log"

build() { # build <dist folder> [--config file]; prints its summary
  local dist="$1"
  shift
  uv run --locked --group build python -m readiness.build --dist "$dist" --work "$work/build" "$@" \
    >"$dist.log" 2>&1 || { tail -n 40 "$dist.log"; fail "build $*"; }
  grep -E '^(Construction|Application|Installateur|Prêt)' "$dist.log"
}

install_deb() {
  if ! dpkg -i "$1" >"$work/dpkg.log" 2>&1; then
    echo "dpkg -i: dependencies missing, apt-get -f install"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -f -y -qq --no-install-recommends \
      >>"$work/dpkg.log" 2>&1 || { cat "$work/dpkg.log"; fail "install $1"; }
  fi
  installed || fail "readiness is not installed after dpkg -i $1"
}

meeting_digits() { # the meeting ID of a session.toml, digits only
  python3 -c 'import re, sys, tomllib; print(re.sub(r"\D", "", str(tomllib.load(open(sys.argv[1], "rb"))["meeting"]["id"])))' "$1"
}

# --- 1. build ---------------------------------------------------------------------
step "build (default session)"
started=$(date +%s)
build "$work/default"
deb="$(ls "$work"/default/readiness_*.deb)"
build_s=$(seconds_since "$started")
bundle_bytes=$(du -sb "$work/default/readiness" | cut -f1)
deb_bytes=$(stat -c %s "$deb")
echo "Depends: $(dpkg-deb -f "$deb" Depends)"
((deb_bytes <= 150 * 1000 * 1000)) || fail "the .deb is $(mb "$deb_bytes"), over 150 MB"

# --- 2. install -------------------------------------------------------------------
step "install"
install_deb "$deb"
[[ "$(readlink -f /usr/bin/readiness)" == /opt/readiness/readiness ]] \
  || fail "/usr/bin/readiness is not the app in /opt"
for file in /usr/share/applications/readiness.desktop \
  /usr/share/icons/hicolor/256x256/apps/readiness.png \
  /opt/readiness/_internal/resources/session.toml \
  /opt/readiness/_internal/cv2/data/haarcascade_frontalface_default.xml; do
  [[ -f "$file" ]] || fail "$file is missing"
done

# --- 3. run the installed app ---------------------------------------------------------
step "readiness check --only zoom --json"
set +e
app check --only zoom --json >"$work/check.json" 2>"$work/check.err"
code=$?
set -e
((code <= 2)) || { cat "$work/check.err"; fail "check exited with $code"; }
python3 -c 'import json, sys
report = json.load(open(sys.argv[1]))
(check,) = report["checks"]
assert check["id"] == "zoom", check
print("exit", sys.argv[2], "-", report["verdict"], "-", check["summary"])' "$work/check.json" "$code" \
  || fail "the check's JSON"

step "English, from the bundled translation"
english="$(env "${app_env[@]}" LANGUAGE=en_GB /usr/bin/readiness check --only zoom || true)"
grep -q "^Summary: " <<<"$english" || fail "no English from the installed app: $english"
grep "^Summary: " <<<"$english"

step "window opened and closed offscreen"
started_ms=$(date +%s%3N)
QT_QPA_PLATFORM=offscreen READINESS_CLOSE_AFTER_MS=1500 timeout 60 \
  env "${app_env[@]}" /usr/bin/readiness \
  || fail "the window did not open and close cleanly (exit $?)"
echo "closed after $(($(date +%s%3N) - started_ms)) ms"
grep -q "window shown" "$log" || fail "no 'window shown' in $log"
echo "log: $log"

step "join link (default session)"
expected="https://zoom.us/j/$(meeting_digits resources/session.toml)"
url="$(app join --print-url --web)"
[[ "$url" == "$expected" ]] || fail "join printed '$url', expected '$expected'"
echo "$url"

step "camera step on a video file"
# An unknown step is refused with the list of the known ones.
# (French puts a non-breaking space before the colon.)
steps="$(app check --only '?' 2>&1 | sed -n 's/.*Possibles[^:]*: //p' || true)"
echo "steps of the installed app: $steps"
if [[ ", $steps" == *", camera"[,.]* ]]; then
  # The video is written by the tests' helper (OpenCV of the project's environment).
  uv run python -c 'import sys; from pathlib import Path
from tests.camera_media import write_variant
print(write_variant(Path(sys.argv[1]), "good"))' "$work" >/dev/null
  set +e
  app check --only camera --camera "$work/good.avi" --json >"$work/camera.json"
  set -e
  python3 -c 'import json, sys
(check,) = json.load(open(sys.argv[1]))["checks"]
assert check["measures"].get("faces", 0) >= 1, check
print(check["status"], "-", check["summary"])' "$work/camera.json" \
    || fail "the installed app found no face in the video (OpenCV, Haar cascade)"
else
  echo "skipped: the camera step is not in this build yet"
fi

step "microphone step through PulseAudio (PortAudio from the system)"
if [[ ", $steps" == *", microphone"[,.]* ]]; then
  # The tests' PulseAudio server with a null sink: PortAudio must load and open it.
  uv run python - "$work" "${app_env[@]}" <<'PYTHON' || fail "the installed app could not use PortAudio"
import json, os, subprocess, sys, tempfile
from pathlib import Path
sys.path.insert(0, "tests")
from pulse_server import PulseServer

server = PulseServer(Path(tempfile.mkdtemp(dir=sys.argv[1])))
server.start()
try:
    env = [arg for arg in sys.argv[2:] if "=" in arg]
    done = subprocess.run(
        ["env", *[f"{k}={v}" for k, v in server.client_env().items()], *env,
         "/usr/bin/readiness", "check", "--only", "microphone", "--json", "--duration", "1"],
        capture_output=True, text=True, timeout=60,
    )
finally:
    server.stop()
(check,) = json.loads(done.stdout)["checks"]
assert "problem" not in check["measures"], check
print(check["status"], "-", check["summary"])
PYTHON
else
  echo "skipped: the microphone step is not in this build yet"
fi

# --- 4. another organisation's build ----------------------------------------------
step "a wrong session.toml is refused before building"
printf '[organisation]\nname = "X"\n[meeting]\nid = "12"\npasscode = "a"\n[support]\nname = "Y"\nphone = "0102030405"\n' >"$work/bad.toml"
set +e
uv run python -m readiness.build --config "$work/bad.toml" --no-installer >/dev/null 2>"$work/bad.err"
code=$?
set -e
((code == 3)) && grep -q "meeting.id" "$work/bad.err" || fail "bad config: exit $code"
cat "$work/bad.err"

step "build around another session.toml"
cat >"$work/ours.toml" <<'EOF'
[organisation]
name = "Atelier Exemple"

[meeting]
id = "123 4567 8901"
passcode = "Essai-2026"

[support]
name = "Camille Martin"
phone = "01 23 45 67 89"
email = "camille.martin@example.org"
EOF
started=$(date +%s)
build "$work/other" --config "$work/ours.toml"
other_deb="$(ls "$work"/other/readiness_*.deb)"
other_build_s=$(seconds_since "$started")
install_deb "$other_deb"
url="$(app join --print-url --web)"
[[ "$url" == "https://zoom.us/j/12345678901" ]] || fail "the other build printed '$url'"
echo "$url"
[[ "$(dpkg-query -W -f='${Maintainer}' readiness)" == "Atelier Exemple <camille.martin@example.org>" ]] \
  || fail "the other build's package is not signed with its organisation"

# --- 5. remove ----------------------------------------------------------------------
step "remove"
dpkg -r readiness >/dev/null
! installed || fail "readiness is still installed"
for path in /opt/readiness /usr/bin/readiness /usr/share/applications/readiness.desktop; do
  [[ ! -e "$path" && ! -L "$path" ]] || fail "$path is left after dpkg -r"
done
echo "removed: nothing left in /opt/readiness, /usr/bin, /usr/share/applications"

step "figures"
echo "build, default session: ${build_s} s (PyInstaller and .deb)"
echo "build, other session:   ${other_build_s} s"
echo "bundle (onedir):        $(mb "$bundle_bytes")"
echo "package (.deb):         $(mb "$deb_bytes")"
echo "installed size:         $(dpkg-deb -f "$deb" Installed-Size) KiB"
echo "installer check passed"
