#!/usr/bin/env bash
# Runs every fuzz target built in BUILD_DIR for SECONDS each, one after the other, and prints the
# executions per target. Called by `make fuzz`; usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET…]
#
# Each target starts from its seeds (fuzz/corpus/TARGET, never written to) plus what earlier
# runs found (BUILD_DIR/fuzz-corpus/TARGET, where new inputs go). A crash, sanitizer report,
# leak, uncaught exception or hang (one input over 10 s) leaves the input in
# BUILD_DIR/fuzz-artifacts/TARGET/ and makes the script fail after all targets have run.
set -uo pipefail
cd "$(dirname "$0")/.."

build=${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET…]}
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET…]}
shift 2
targets=("$@")
if ((${#targets[@]} == 0)); then
    for exe in "$build"/fuzz/fuzz_*; do
        [[ -x $exe && -f $exe ]] && targets+=("$(basename "$exe")")
    done
fi
if ((${#targets[@]} == 0)); then
    echo "infotally: no fuzz targets in $build/fuzz: run 'make fuzz'" >&2
    exit 1
fi

export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
summary=()
failed=0
for t in "${targets[@]}"; do
    corpus=$build/fuzz-corpus/$t
    artifacts=$build/fuzz-artifacts/$t
    log=$build/fuzz-$t.log
    mkdir -p "$corpus" "$artifacts"
    args=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
          -artifact_prefix="$artifacts/")
    [[ -f fuzz/$t.dict ]] && args+=(-dict="fuzz/$t.dict")
    echo "infotally: fuzzing $t for ${seconds}s (log: $log)"
    "$build/fuzz/$t" "${args[@]}" "$corpus" "fuzz/corpus/$t" >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if ((status == 0)); then
        summary+=("$(printf '%-14s %12s executions  ok' "$t" "${runs:-?}")")
    else
        failed=1
        summary+=("$(printf '%-14s %12s executions  FAILED (exit %d)' "$t" "${runs:-?}" "$status")")
        grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*uncaught exception|.*Test unit written)' \
            "$log" | head -n 20 >&2
        echo "infotally: fix the bug, then keep the input as a regression test:" \
             "cp $artifacts/<file> tests/fuzz-regressions/$t/" >&2
    fi
done

echo "infotally: fuzzing done, ${seconds}s per target:"
printf '  %s\n' "${summary[@]}"
exit "$failed"
