#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) with clang under ASan + UBSan and runs each for
# SECONDS (default 60) on a scratch copy of its seed corpus. Fails if any target finds
# a crash, a leak or an input slower than 1 s. Without clang it says so and succeeds.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
cxx=""
for c in clang++ clang++-14; do command -v "$c" >/dev/null 2>&1 && cxx="$c" && break; done
if [ -z "$cxx" ]; then
  echo "fuzz: clang++ not found; fuzz targets skipped" >&2
  exit 0
fi
cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER="$cxx" -DDYAD_FUZZ=ON -DDYAD_TESTS=OFF \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc 2>/dev/null || echo 2)" --target dyad_fuzz >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in fuzz_article_reader fuzz_text fuzz_document fuzz_dictionaries fuzz_model_header; do
  mkdir -p "$work/$t"
  cp fuzz/corpus/"$t"/* "$work/$t/" 2>/dev/null || true
  if ./build-fuzz/fuzz/"$t" "$work/$t" -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 \
       -print_final_stats=1 -artifact_prefix="$work/$t-" >"$work/$t.log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    grep -E "ERROR|SUMMARY" "$work/$t.log" | head -5 >&2
    ls "$work"/"$t"-* 2>/dev/null | sed 's/^/  artifact: /' >&2
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' || echo 0)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$work/$t.log" | grep -o '[0-9]*$' || echo 0)
  echo "fuzz: $t ${seconds}s: $runs executions, $rate exec/s: $result"
done
exit $status
