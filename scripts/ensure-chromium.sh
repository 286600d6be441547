#!/usr/bin/env bash
# Makes sure a system Chromium exists for the browser tests (Playwright cannot download its own
# here). Installs Debian's `chromium` package when none is present.
set -euo pipefail
for path in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$path" ] && [ -x "$path" ]; then exit 0; fi
done
echo "Chromium not found: installing Debian's chromium package" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
