#!/bin/sh
# macOS (Apple Silicon only): check GradLab.app, make the .dmg, sign, notarize, staple.
#
# Run on an arm64 Mac after PyInstaller has built dist/GradLab.app:
#   GRADLAB_CODESIGN_IDENTITY="Developer ID Application: NAME (TEAMID)" \
#     build/venv/bin/python -m PyInstaller --noconfirm --distpath dist \
#       --workpath build/pyinstaller packaging/gradlab.spec
#   sh packaging/macos/build_dmg.sh
#
# Signing happens in PyInstaller (gradlab.spec passes GRADLAB_CODESIGN_IDENTITY and
# packaging/macos/entitlements.plist): it signs every binary inside-out with the
# hardened runtime (--options=runtime --timestamp), then the .app. Without an
# identity it signs ad hoc: the app runs on the build Mac (and in CI), but
# Gatekeeper refuses it elsewhere.
#
# Environment:
#   GRADLAB_CODESIGN_IDENTITY   Developer ID Application identity (keychain); optional
#   Notarization, one of (needs an identity):
#   GRADLAB_NOTARY_PROFILE      a profile saved with `xcrun notarytool store-credentials`
#   GRADLAB_NOTARY_KEY, GRADLAB_NOTARY_KEY_ID, GRADLAB_NOTARY_ISSUER
#                               App Store Connect API key (.p8 path), key id, issuer id
# torch ships no Intel-Mac wheels after 2.2.2, so there is no x86_64 or universal2 build.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
app="$root/dist/GradLab.app"
version=$(python3 -c "import sys; sys.path.insert(0, '$root/packaging'); import bundle_rules; print(bundle_rules.version())")
dmg="$root/dist/GradLab-$version-macos-arm64.dmg"
identity=${GRADLAB_CODESIGN_IDENTITY:-}

[ -d "$app" ] || { echo "no $app: build it with PyInstaller first"; exit 1; }
archs=$(lipo -archs "$app/Contents/MacOS/gradlab")
[ "$archs" = arm64 ] || { echo "GradLab.app is '$archs', expected arm64 only"; exit 1; }

# 1. The signature PyInstaller made must hold for the whole bundle.
codesign --verify --deep --strict --verbose=2 "$app"
if [ -n "$identity" ]; then
    codesign --display --verbose=2 "$app" 2>&1 | grep -q "flags=.*runtime" \
        || { echo "GradLab.app lacks the hardened runtime"; exit 1; }
fi

# 2. The disk image: the app plus a link to /Applications to drag it onto.
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
ditto "$app" "$stage/GradLab.app"
ln -s /Applications "$stage/Applications"
rm -f "$dmg"
hdiutil create -volname "GradLab $version" -srcfolder "$stage" -fs APFS \
    -format ULMO -ov "$dmg"   # ULMO: LZMA, the smallest (macOS 10.15+)
# (create-dmg, if installed, makes a prettier window: create-dmg --volname "GradLab"
#  --icon "GradLab.app" 150 190 --app-drop-link 450 190 "$dmg" "$stage")

if [ -n "$identity" ]; then
    # 3. Sign the image, 4. notarize it (Apple scans the app inside), 5. staple.
    codesign --force --timestamp --sign "$identity" "$dmg"
    if [ -n "${GRADLAB_NOTARY_PROFILE:-}" ]; then
        xcrun notarytool submit "$dmg" --keychain-profile "$GRADLAB_NOTARY_PROFILE" --wait
    elif [ -n "${GRADLAB_NOTARY_KEY:-}" ]; then
        xcrun notarytool submit "$dmg" --key "$GRADLAB_NOTARY_KEY" \
            --key-id "$GRADLAB_NOTARY_KEY_ID" --issuer "$GRADLAB_NOTARY_ISSUER" --wait
    else
        echo "not notarized: set GRADLAB_NOTARY_PROFILE or GRADLAB_NOTARY_KEY*"; exit 1
    fi
    xcrun stapler staple "$dmg"
    xcrun stapler validate "$dmg"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
fi
ls -l "$dmg"
