#!/bin/sh
# Install the .deb, smoke-test the installed app, remove it and check nothing is left.
#   sudo sh packaging/linux/smoke_deb.sh dist/gradlab_0.1.0_amd64.deb
# Needs root (dpkg -i / dpkg -r). Refuses to touch an already installed gradlab.
set -eu
deb=$(readlink -f "$1")
here=$(cd "$(dirname "$0")/../.." && pwd)
id=org.gradlab.GradLab
[ "$(id -u)" = 0 ] || { echo "smoke_deb: needs root (dpkg -i)"; exit 2; }
if dpkg -s gradlab >/dev/null 2>&1; then
    echo "smoke_deb: gradlab is already installed; remove it first (dpkg -r gradlab)"; exit 2
fi
fail() { echo "FAIL  $*"; dpkg -r gradlab >/dev/null 2>&1 || true; exit 1; }
pass() { echo "PASS  $*"; }

dpkg-deb --info "$deb" | sed -n '/Package:/,$p'
if ! dpkg -i "$deb"; then
    # Missing dependencies: let apt fetch them (this is what `apt install ./x.deb` does).
    apt-get install -f -y -q || fail "dpkg -i and apt-get -f install"
fi
pass "dpkg -i $(basename "$deb")"
if ! { [ -L /usr/bin/gradlab ] && [ -x /opt/gradlab/gradlab ]; }; then
    fail "/usr/bin/gradlab -> /opt/gradlab/gradlab"
fi
[ -f /usr/share/applications/$id.desktop ] || fail "menu entry"
[ -f /usr/share/icons/hicolor/scalable/apps/$id.svg ] || fail "icon"
[ -f /usr/share/metainfo/$id.metainfo.xml ] || fail "AppStream metadata"
if command -v desktop-file-validate >/dev/null; then
    desktop-file-validate /usr/share/applications/$id.desktop || fail "desktop-file-validate"
fi
dpkg --verify gradlab || fail "dpkg --verify (md5sums of the installed files)"
pass "installed files (launcher, menu entry, icons, metainfo, md5sums)"

# SMOKE_ARGS are several arguments: split on purpose.
# shellcheck disable=SC2086
python3 "$here/packaging/smoke.py" /usr/bin/gradlab --app-dir /opt/gradlab ${SMOKE_ARGS:-} \
    || fail "smoke test of the installed app"

dpkg -r gradlab || fail "dpkg -r gradlab"
left=$(find /opt/gradlab /usr/bin/gradlab /usr/share/applications/$id.desktop \
    /usr/share/metainfo/$id.metainfo.xml /usr/share/icons/hicolor/*/apps/$id.* 2>/dev/null || true)
[ -z "$left" ] || fail "left after dpkg -r: $left"
pass "dpkg -r gradlab removed everything (no /opt/gradlab)"
