#!/usr/bin/env bash
# Make a Chromium available for the browser test (tests/test_browser.py).
# Order: an existing Chromium; Debian's package when running as root; Playwright's own.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "browser: using $candidate"
    exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "browser: installing Debian's chromium (apt-get install -y chromium)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if [ -x .venv/bin/playwright ] && .venv/bin/playwright install chromium; then
  echo "browser: using Playwright's own Chromium"
  exit 0
fi
cat >&2 <<'MSG'
browser: no Chromium found and none could be installed.
  On Debian or Ubuntu run:   sudo apt-get install chromium
  Or let Playwright fetch one: .venv/bin/playwright install chromium
  Or point CHROMIUM_PATH at an existing Chromium or Chrome binary, then run `make browser`.
MSG
exit 1
