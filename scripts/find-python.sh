#!/usr/bin/env bash
# Prints the path of the first Python >= 3.12 found: pyodide-build (the lock-file tool) needs it.
# Looks on PATH first, then in pyenv's versions (this machine's default python3 is 3.11).
set -euo pipefail
candidates=(python3.14 python3.13 python3.12 python3)
for name in "${candidates[@]}"; do
  if path=$(command -v "$name" 2>/dev/null) && "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
# Newest first: the closer to Pyodide's Python (3.14), the better.
for path in $(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[2-9]* 2>/dev/null | sort -rV | sed 's|$|/bin/python3|'); do
  if [ -x "$path" ] && "$path" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
    echo "$path"; exit 0
  fi
done
echo "error: Python >= 3.12 not found (install python3.12 or newer, e.g. 'apt-get install python3.12' or pyenv)" >&2
exit 1
