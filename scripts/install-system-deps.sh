#!/usr/bin/env bash
# System packages the tests need: Debian's Chromium (browser tests) and Node.js (lunr.js parity tests).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
command -v node >/dev/null 2>&1 || need+=(nodejs)
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
