#!/bin/sh
# Install Import Assistant for the current user from the unpacked app folder this script is in:
# the folder goes to $PREFIX/lib/ImportAssistant, a command to $PREFIX/bin, and the menu entry,
# AppStream metainfo and icons to $PREFIX/share. PREFIX defaults to ~/.local (no root needed).
#   ./install.sh               install (or update)
#   ./install.sh --uninstall   remove everything it installed (never the user's store)
set -eu

APP_ID=org.importassistant.ImportAssistant
HERE=$(cd "$(dirname "$0")" && pwd)
PREFIX=${PREFIX:-$HOME/.local}
DEST=$PREFIX/lib/ImportAssistant
SHARE=$PREFIX/share
SIZES="16 24 32 48 64 128 256 512"

refresh_caches() {
    # Menus pick the entry up without these on most desktops; they only speed things up.
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$DEST"
    rm -f "$PREFIX/bin/ImportAssistant" "$SHARE/applications/$APP_ID.desktop" \
        "$SHARE/metainfo/$APP_ID.metainfo.xml" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
    for size in $SIZES; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
    done
    refresh_caches
    echo "Import Assistant removed from $PREFIX (your store and configurations are kept)."
    exit 0
fi

if [ ! -x "$HERE/ImportAssistant" ]; then
    echo "install.sh: run me from the unpacked ImportAssistant folder" >&2
    exit 1
fi
if [ "$HERE" != "$DEST" ]; then
    rm -rf "$DEST"
    mkdir -p "$(dirname "$DEST")"
    cp -R "$HERE" "$DEST"
fi
mkdir -p "$PREFIX/bin" "$SHARE/applications" "$SHARE/metainfo" \
    "$SHARE/icons/hicolor/scalable/apps"
ln -sf "$DEST/ImportAssistant" "$PREFIX/bin/ImportAssistant"
# An absolute Exec: the desktop session's PATH does not always include ~/.local/bin.
sed -e "s|^Exec=ImportAssistant|Exec=$DEST/ImportAssistant|" \
    -e "s|^TryExec=ImportAssistant|TryExec=$DEST/ImportAssistant|" \
    "$HERE/$APP_ID.desktop" > "$SHARE/applications/$APP_ID.desktop"
cp "$HERE/$APP_ID.metainfo.xml" "$SHARE/metainfo/"
ICONS=$HERE/_internal/resources/icons
for size in $SIZES; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/import-assistant-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
cp "$ICONS/import-assistant.svg" "$SHARE/icons/hicolor/scalable/apps/$APP_ID.svg"
refresh_caches
echo "Import Assistant installed: start it from the applications menu, or run $PREFIX/bin/ImportAssistant"
