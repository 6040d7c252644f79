#!/usr/bin/env bash
# Sets up, then runs the whole test suite twice: a release build, and a build under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
jobs=$(nproc 2>/dev/null || echo 2)

echo "== tests (release) =="
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== tests (ASan + UBSan) =="
# -O1 -g1: the sanitizers' usual settings (line numbers in reports), and a much shorter
# build than -O2 -g on two cores. With clang the same build also holds the libFuzzer
# targets (its library instrumented for coverage too), so the fuzz run below needs no
# third build of the library.
clang=$(./scripts/find_clang.sh)
asan=(-DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" -DDYAD_SANITIZE=ON)
if [[ -n "$clang" ]]; then asan+=(-DCMAKE_CXX_COMPILER="$clang" -DDYAD_FUZZ=ON); else asan+=(-DDYAD_FUZZ=OFF); fi
# a build directory configured for the other case is started afresh
if [[ -f build-asan/CMakeCache.txt ]] &&
   ! grep -q "^DYAD_FUZZ:BOOL=$([[ -n "$clang" ]] && echo ON || echo OFF)$" build-asan/CMakeCache.txt; then
  rm -rf build-asan
fi
cmake -S . -B build-asan "${asan[@]}" >/dev/null
cmake --build build-asan -j"$jobs" >/dev/null
# The same GoogleTest suite as one process per core, each running its shard: ctest's one
# process per test would load the dictionaries and models two hundred times over, which
# under the sanitizers takes minutes.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
pids=()
for ((i = 0; i < jobs; i++)); do
  GTEST_TOTAL_SHARDS=$jobs GTEST_SHARD_INDEX=$i build-asan/dyad_tests --gtest_brief=1 >"build-asan/shard-$i.log" 2>&1 &
  pids+=($!)
done
failed=0
for ((i = 0; i < jobs; i++)); do
  if ! wait "${pids[$i]}"; then failed=1; cat "build-asan/shard-$i.log"; fi
  tail -n 2 "build-asan/shard-$i.log"
done
[[ $failed == 0 ]] || { echo "tests (ASan + UBSan): FAILED" >&2; exit 1; }
unset ASAN_OPTIONS UBSAN_OPTIONS

# Every fuzz target for DYAD_FUZZ_SECONDS, as many at once as there are cores. 30 s
# keeps the whole command within its 15-minute budget on 2 cores (10 targets x 30 s / 2 = 2.5 min);
# DYAD_FUZZ_SECONDS=60 (issue 9's figure) adds 2.5 minutes more.
echo "== fuzz targets (libFuzzer, ASan + UBSan; skipped without clang) =="
DYAD_FUZZ_BUILD=build-asan ./scripts/fuzz.sh "${DYAD_FUZZ_SECONDS:-30}"
