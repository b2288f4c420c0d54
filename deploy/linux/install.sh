#!/bin/sh
# Install Qingkuan for this user only (nothing outside your home folder): a menu entry,
# the icon, and .qkledger files opening in Qingkuan on a double-click.
# Run from the unpacked folder:  ./install.sh      Remove again:  ./install.sh --remove
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
if [ "${1:-}" = "--remove" ]; then
  rm -f "$bin/qingkuan" "$data/applications/qingkuan.desktop" \
        "$data/mime/packages/qingkuan-mime.xml" "$data/icons/hicolor/256x256/apps/qingkuan.png"
else
  mkdir -p "$bin" "$data/applications" "$data/mime/packages" "$data/icons/hicolor/256x256/apps"
  ln -sf "$here/qingkuan" "$bin/qingkuan"
  # Exec= holds the program's full path, quoted as the desktop-entry spec says: a folder
  # with a space ("My apps") would otherwise split it in two. Inside the quotes \ " ` $
  # take a backslash, which the value's own escaping doubles; % is written %%.
  quoted=$(printf '%s' "$here/qingkuan" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
  while IFS= read -r line; do
    case $line in
      Exec=qingkuan*) printf 'Exec="%s"%s\n' "$quoted" "${line#Exec=qingkuan}" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done < "$here/share/qingkuan.desktop" > "$data/applications/qingkuan.desktop"
  cp "$here/share/qingkuan-mime.xml" "$data/mime/packages/"
  cp "$here/share/qingkuan.png" "$data/icons/hicolor/256x256/apps/qingkuan.png"
fi
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
echo "Qingkuan: done"
