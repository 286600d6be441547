#!/usr/bin/env bash
# Makes sure the three engines of the browser tests are installed (Playwright cannot download its
# own here): Debian's chromium; WebKitGTK's WebKitWebDriver + MiniBrowser (webkit2gtk-driver) with
# Xvfb for its window; firefox-esr (driven by the pinned npm puppeteer-core over WebDriver BiDi);
# pulseaudio for a null-sink audio device. Installs, through apt-get (sudo when not root), only
# what is missing.
set -euo pipefail
missing=()
have_chromium=""
for path in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$path" ] && [ -x "$path" ]; then have_chromium=1; fi
done
[ -n "$have_chromium" ] || missing+=(chromium)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v firefox-esr >/dev/null || missing+=(firefox-esr)
command -v Xvfb >/dev/null || missing+=(xvfb xauth)
command -v pulseaudio >/dev/null || missing+=(pulseaudio)
[ "${#missing[@]}" = 0 ] && exit 0
echo "Installing Debian packages for the browser tests: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
