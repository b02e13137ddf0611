#!/bin/sh
# Debian's Chromium for the browser tests (print layout). Never a browser downloaded by a test tool.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation >/dev/null
else
  echo "Cần Chromium cho kiểm thử trình duyệt: sudo apt-get install chromium" >&2
  exit 1
fi
