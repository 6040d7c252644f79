#!/usr/bin/env bash
# Installs dyad's Debian dependencies (when missing) and builds it into build/.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake make pkg-config nlohmann-json3-dev libcli11-dev zlib1g-dev libzstd-dev
          libgtest-dev libbenchmark-dev python3 libgeonames-dev libsqlite3-dev
          wamerican)  # wamerican: the word list the NER is trained with (scripts/train_models.sh)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$jobs" >/dev/null
echo "setup: built build/dyad" >&2
