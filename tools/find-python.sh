#!/usr/bin/env bash
# Print the path of a Python 3.12 or newer interpreter, or explain and fail.
# PySide6 6.12 aborts Python 3.11 in QPainter calls (None refcount), so 3.12 is the floor.
set -u
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' >/dev/null 2>&1; }
candidates=("${PYTHON:-}" python3.14 python3.13 python3.12 python3)
for dir in "$HOME"/.pyenv/versions/3.1[2-9]* /usr/local/bin /usr/bin; do
  for name in python3.14 python3.13 python3.12 python3; do
    [ -x "$dir/bin/$name" ] && candidates+=("$dir/bin/$name")
    [ -x "$dir/$name" ] && candidates+=("$dir/$name")
  done
done
for candidate in "${candidates[@]}"; do
  [ -n "$candidate" ] || continue
  path=$(command -v "$candidate" 2>/dev/null) || continue
  if ok "$path"; then echo "$path"; exit 0; fi
done
echo "Parallax needs Python 3.12 or newer, and none was found." >&2
echo "Install python3.12 (e.g. 'apt-get install python3.12 python3.12-venv' or pyenv), or set PYTHON=/path/to/python3.12." >&2
exit 1
