#!/usr/bin/env bash
# Install the system packages the test suite needs — Chromium, ChromeDriver, PostgreSQL —
# when they are missing and this machine can (root with apt-get). Otherwise say what to install:
# the browser and PostgreSQL tests then skip locally, and fail under CI=true.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need+=(postgresql)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages for the tests: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "warning: missing ${need[*]}: install them (sudo apt-get install ${need[*]})." >&2
fi
exit 0
