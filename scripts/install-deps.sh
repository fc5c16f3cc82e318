#!/usr/bin/env bash
# Installs, from Debian 12's packages, whatever infotally needs that this machine lacks.
# Called by `make demo`, `make test` and the other targets; does nothing when all is present.
# `scripts/install-deps.sh fuzz` (from `make fuzz`) adds clang and its libFuzzer runtime.
set -euo pipefail

packages=(g++ cmake make pkg-config
          libcli11-dev libfmt-dev libtomlplusplus-dev libsqlite3-dev doctest-dev
          libutf8proc-dev nlohmann-json3-dev
          sqlite3)          # the sqlite3 shell: `make bench` compares against plain SQL
case "${1:-}" in
    "") ;;
    fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "usage: scripts/install-deps.sh [fuzz]" >&2; exit 2 ;;
esac
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# The black-box tests and the contract check are Python 3 (standard library only).
command -v python3 >/dev/null 2>&1 || missing+=(python3)

if ((${#missing[@]} == 0)); then
    exit 0
fi

echo "infotally: installing missing packages: ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "infotally: run as root, or install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
