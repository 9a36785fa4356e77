#!/bin/sh
# Adds GradLab to your applications menu (for you only, no root needed).
# Run it from the unpacked folder:   ./install-menu-entry.sh
# Remove the entry again with:       ./install-menu-entry.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
id=org.gradlab.GradLab
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
if [ "${1:-}" = "--remove" ]; then
    rm -f "$apps/$id.desktop" "$icons/scalable/apps/$id.svg" "$icons/256x256/apps/$id.png"
    echo "GradLab removed from the menu."
    exit 0
fi
mkdir -p "$apps" "$icons/scalable/apps" "$icons/256x256/apps"
cp "$here/share/icons/$id.svg" "$icons/scalable/apps/$id.svg"
cp "$here/share/icons/$id.png" "$icons/256x256/apps/$id.png"
# The packaged entry runs `gradlab` from PATH; this one runs this folder's copy.
sed "s|^Exec=.*|Exec=\"$here/gradlab\"|" "$here/share/applications/$id.desktop" > "$apps/$id.desktop"
chmod 644 "$apps/$id.desktop"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$apps" || true
fi
echo "GradLab added to the menu (runs $here/gradlab)."
