#!/usr/bin/env bash
# System packages. `install-system-deps.sh venv`: only what `python3 -m venv` needs (Debian and
# Ubuntu ship venv as a separate package). Without an argument also what the tests need:
# Debian's Chromium (browser tests) and Node.js (lunr.js parity tests).
set -euo pipefail
need=()
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need+=(python3-venv)
if [ "${1:-}" != venv ]; then
  [ -x /usr/bin/chromium ] || need+=(chromium chromium-driver)
  command -v node >/dev/null 2>&1 || need+=(nodejs)
fi
[ ${#need[@]} -eq 0 ] && exit 0
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
