#!/usr/bin/env bash
# Installs what Signpost needs, and only what is missing: npm packages always,
# with --browser, Debian's Chromium and CJK fonts, Redis, Postgres and nginx (for the end-to-end
# and multi-server tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--browser" ]; then
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  # Without these fonts Japanese renders as boxes in the browser tests and screenshots.
  fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
  # The rate-limit tests run against a real Redis (started and stopped by the tests, on loopback).
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  # ...and Postgres tests against Debian's Postgres (a throw-away cluster per test file, lib/testing/postgres.ts).
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  # ...and the cluster tests and `npm run cluster` put Debian's nginx in front of two servers.
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" != "0" ]; then
      echo "Missing: ${missing[*]}. Install them with: sudo apt-get install -y ${missing[*]}" >&2
      exit 1
    fi
    echo "==> installing ${missing[*]} (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

# `npm ci` fails on this registry (the lockfile names other platforms' optional
# binaries); `npm install` keeps the lockfile as it is. Its postinstall installs
# the lint tooling in tools/lint (a package of its own, see tools/lint/package.json).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
  || [ ! -d tools/lint/node_modules ] || [ tools/lint/package-lock.json -nt tools/lint/node_modules/.package-lock.json ]; then
  echo "==> npm install"
  npm install --no-audit --no-fund --loglevel=error
fi
