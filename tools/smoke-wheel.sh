#!/usr/bin/env bash
# Install a built wheel (not editable) into a fresh virtual environment outside the checkout and
# use it as a person would: version, sample, info, export-data, export-image, the window
# (offscreen, saved after its first paint) and the desktop launcher. Any failed check fails.
# Usage: tools/smoke-wheel.sh dist/parallax-X.Y.Z-py3-none-any.whl
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
wheel=$(realpath "${1:?usage: tools/smoke-wheel.sh WHEEL}")
python=$("$repo/tools/find-python.sh")
work=$(mktemp -d /tmp/parallax-smoke.XXXXXX)
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet -c "$repo/requirements.lock" "$wheel"
cd "$work"
export HOME="$work/home" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
export QT_QPA_PLATFORM=offscreen
unset PARALLAX_DB
bin="$work/venv/bin"
passed=0
check() { echo "smoke: ok: $1"; passed=$((passed + 1)); }
fail() { echo "smoke: FAILED: $1" >&2; echo "smoke: $passed passed, 1 failed"; exit 1; }

where=$("$bin/python" -c 'import desktop; print(desktop.__file__)')
[[ $where == "$work/venv/"* ]] || fail "desktop imported from $where, not from the fresh venv"
check "installed into the fresh venv, not editable ($where)"

version=$(basename "$wheel" | cut -d- -f2)
[ "$("$bin/parallax" --version)" = "parallax $version" ] || fail "parallax --version"
check "parallax --version says $version"

"$bin/parallax" --db lib.sqlite sample --yes || fail "parallax sample --yes"
check "sample --yes loaded the bundled dataset"

"$bin/parallax" --db lib.sqlite info | tee info.txt
# The bundled dataset's own count (84 events when this was written), read from the install.
events=$("$bin/python" -c 'import json; from desktop.core.sample import sample_path
print(len(json.loads(sample_path().read_text(encoding="utf-8"))["events"]))')
[ "$events" -gt 80 ] || fail "the installed dataset has only $events events"
grep -Eq "^events: +$events\$" info.txt || fail "info does not count $events events"
check "info counts $events events"

"$bin/parallax" --db lib.sqlite export-data x.json --format json || fail "export-data"
"$bin/python" - "$events" <<'PY' || fail "x.json is not the library"
import json
import sys
document = json.load(open("x.json", encoding="utf-8"))
assert len(document["events"]) == int(sys.argv[1]), len(document["events"])
PY
check "export-data x.json --format json wrote $events events"

png_ok() {
  "$bin/python" - "$1" "$2" <<'PY'
import sys
from pathlib import Path
data = Path(sys.argv[1]).read_bytes()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
assert len(data) > int(sys.argv[2]), f"only {len(data)} bytes"
PY
}
"$bin/parallax" --db lib.sqlite export-image x.png || fail "export-image"
png_ok x.png 20000 || fail "x.png is not a drawn timeline"
check "export-image x.png drew the timeline ($(stat -c %s x.png) bytes)"

timeout 180 "$bin/parallax" --db lib.sqlite gui --screenshot window.png || fail "the window"
png_ok window.png 20000 || fail "window.png is not a painted window"
check "the window started offscreen and painted ($(stat -c %s window.png) bytes)"

"$bin/parallax" install-desktop-entry | tee entry.txt
[ "$(wc -l < entry.txt)" -eq 1 ] || fail "install-desktop-entry did not answer in one line"
app=io.github.parallax_workbench.Parallax
entry="$XDG_DATA_HOME/applications/$app.desktop"
grep -qx "Exec=$bin/parallax gui" "$entry" || fail "the desktop entry does not start $bin/parallax"
[ -s "$XDG_DATA_HOME/icons/hicolor/scalable/apps/$app.svg" ] || fail "no launcher icon"
# CI installs both validators (.ci/run); elsewhere they are optional.
if command -v desktop-file-validate >/dev/null; then
  desktop-file-validate "$entry" || fail "desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  appstreamcli validate --no-net "$XDG_DATA_HOME/metainfo/$app.metainfo.xml" || fail "appstreamcli"
fi
check "install-desktop-entry wrote a valid launcher under XDG_DATA_HOME"

echo "smoke: $passed passed, 0 failed"
