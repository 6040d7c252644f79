#!/usr/bin/env bash
# Builds dyad's libFuzzer targets (fuzz/) with clang under ASan + UBSan in build-fuzz/
# and runs each for SECONDS (default 60) on a scratch copy of its seed corpus
# (fuzz/corpus/<target>/; the repo's corpus is never grown). Prints executions/s and
# total executions per target; exits non-zero if any target crashes, hangs (> 1 s per
# input), leaks or runs out of memory. Crash inputs are kept under build-fuzz/crashes/.
# A timeout whose input replays alone in under 1 s is a stall of a busy machine, not a
# hang: the target resumes on its corpus for the rest of SECONDS and says so.
# Without clang++ it prints a note and exits 0.
#
# Environment: DYAD_FUZZ_TARGETS="fuzz_text fuzz_document" runs a subset;
# DYAD_FUZZ_PARALLEL (default: the number of cores) how many targets run at once;
# DYAD_FUZZ_JOBS (default 2) is the build parallelism; DYAD_FUZZ_NICE (default 0) the
# niceness of the fuzzing processes.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
jobs=${DYAD_FUZZ_JOBS:-2}
parallel=${DYAD_FUZZ_PARALLEL:-$(nproc 2>/dev/null || echo 2)}
niceness=${DYAD_FUZZ_NICE:-0}
# DYAD_FUZZ_BUILD: a build directory already configured with clang and -DDYAD_FUZZ=ON
# (scripts/test.sh's sanitizer build), whose instrumented library is reused.
build=${DYAD_FUZZ_BUILD:-build-fuzz}

cxx=$(./scripts/find_clang.sh)
if [[ -z "$cxx" ]]; then
  echo "fuzz.sh: clang++ not found; skipping the fuzz run (apt-get install clang)"
  exit 0
fi

all_targets="fuzz_article_reader fuzz_text fuzz_document fuzz_actor_dictionary fuzz_verb_lexicon fuzz_codebook
             fuzz_text_lists fuzz_model_header fuzz_gazetteer fuzz_context_lists"
targets=$(echo ${DYAD_FUZZ_TARGETS:-$all_targets})

# The targets write each input to a scratch file: tmpfs (/dev/shm) is ~8x faster than disk.
scratch_base=${TMPDIR:-/tmp}
if [[ -d /dev/shm && -w /dev/shm ]]; then scratch_base=/dev/shm; fi
work=$(mktemp -d "$scratch_base/dyad-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
blog="$work/build.log"

echo "== fuzz: building with $cxx in $build =="
if [[ -z "${DYAD_FUZZ_BUILD:-}" ]]; then
  cmake -S . -B build-fuzz -DCMAKE_CXX_COMPILER="$cxx" -DDYAD_FUZZ=ON -DDYAD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=None -DCMAKE_CXX_FLAGS="-O1 -g1" >"$blog" 2>&1 || { cat "$blog"; exit 1; }
fi
# shellcheck disable=SC2086
cmake --build "$build" -j"$jobs" --target $targets >>"$blog" 2>&1 || {
  tail -50 "$blog"; exit 1; }

mkdir -p "$build/crashes"

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

# One target: writes "exec/s executions result" to $work/result-$t.
# A timeout is measured in wall time: on a loaded machine (or under a low DYAD_FUZZ_NICE)
# a process can stall for over a second. The input is replayed alone: a real hang times
# out again and fails the target; otherwise fuzzing resumes on the same (grown) corpus
# for the rest of the SECONDS, so that the target still runs its full time.
run_target() {
  local t=$1 corpus="$work/corpus-$1" log="$work/$1.log" rc execs=0 speed result
  local start=$SECONDS stalls=0 stall_ms="" segment=0 seg_log seg_execs seg_speed left art
  mkdir -p "$corpus" "$work/tmp-$t" "$build/crashes/$t"
  cp -r "fuzz/corpus/$t/." "$corpus/" 2>/dev/null || true
  : >"$log"
  while :; do
    left=$((seconds - (SECONDS - start)))
    ((left < 1)) && left=1
    seg_log="$work/$t.$segment.log"
    TMPDIR="$work/tmp-$t" nice -n "$niceness" "$build/fuzz/$t" "$corpus" \
      -max_total_time="$left" -timeout=1 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/crashes/$t/" >"$seg_log" 2>&1
    rc=$?
    cat "$seg_log" >>"$log"
    seg_execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$seg_log" | grep -o '[0-9]*$' | tail -1)
    seg_speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$seg_log" | grep -o '[0-9]*$' | tail -1)
    if [[ -z "$seg_execs" ]]; then  # no final stats (crash): take the last status line
      seg_execs=$(grep -oE '^#[0-9]+' "$seg_log" | tail -1 | tr -d '#')
      seg_speed=$(grep -oE 'exec/s: [0-9]+' "$seg_log" | tail -1 | grep -o '[0-9]*$')
    fi
    execs=$((execs + ${seg_execs:-0}))
    if [[ $rc -ne 0 ]] && grep -q 'ERROR: libFuzzer: timeout' "$seg_log"; then
      art=$(ls -t "$build/crashes/$t"/timeout-* 2>/dev/null | head -1)
      if [[ -n "$art" ]] && "$build/fuzz/$t" -timeout=1 -runs=1 "$art" >"$log.replay" 2>&1; then
        stalls=$((stalls + 1))
        stall_ms="$stall_ms$(grep -o 'in [0-9]* ms' "$log.replay" | grep -o '[0-9]*' | tail -1) "
        rm -f "$art"  # not a hang: no artifact to keep
        rc=0
        segment=$((segment + 1))
        ((SECONDS - start < seconds)) && continue
      fi
    fi
    break
  done
  local elapsed=$((SECONDS - start)) note=""
  if ((stalls == 0)); then speed=$seg_speed; else
    speed=$((execs / (elapsed > 0 ? elapsed : 1)))
    note=" (resumed after $stalls stall(s) > 1 s whose inputs replay in ${stall_ms% } ms: a busy machine, not a hang)"
  fi
  if [[ $rc -eq 0 ]]; then result="ok$note"; else
    result="FAILED (rc=$rc)"
    cp "$log" "$build/crashes/$t/last.log"
  fi
  echo "${speed:-?} ${execs:-?} $result" >"$work/result-$t"
  printf '%-22s %10s %14s %s\n' "$t" "${speed:-?}" "${execs:-?}" "$result"
}

echo "== fuzz: ${seconds}s per target, $parallel at a time: $targets =="
for t in $targets; do
  while (($(jobs -rp | wc -l) >= parallel)); do wait -n; done
  run_target "$t" &
done
wait

failed=()
printf '%-22s %10s %14s %s\n' target exec/s executions result >"$work/summary"
for t in $targets; do
  read -r speed execs result <"$work/result-$t" || { speed="?"; execs="?"; result="FAILED (no result)"; }
  printf '%-22s %10s %14s %s\n' "$t" "$speed" "$execs" "$result" >>"$work/summary"
  if [[ $result != ok* ]]; then
    failed+=("$t")
    echo "-- $t:"
    grep -E 'ERROR|SUMMARY|invariant|Test unit written|deadly signal|timeout|terminate|what\(\)' \
      "$work/$t.log" | head -20
  fi
done
echo "== fuzz summary (${seconds}s per target, $parallel at a time) =="
cat "$work/summary"
if ((${#failed[@]})); then
  echo "fuzz.sh: crashes in: ${failed[*]} (inputs and logs under $build/crashes/)"
  exit 1
fi
