#!/usr/bin/env bash
# A fuzzing campaign, run by hand (the tests fuzz each target for 30 s only):
#
#   tests/fuzz/campaign.sh TARGET SECONDS [BUILD]
#
# fuzzes TARGET (file, html, docx, pdf, zip, xml, grid, digits) for SECONDS from its committed
# corpus and the fixtures' seeds (seeds.sh), then minimises what it found into the committed corpus
# (tests/fuzz/corpus/TARGET: the smallest set of inputs that covers as much). BUILD is the sanitized
# build (cmake --preset native-asan; default build/native-asan). A crashing input is left in
# BUILD/fuzz-crashes/ and the campaign stops with status 1; it belongs in the corpus once fixed, with
# a test of its outcome beside the behaviour it pins.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
target=$1 seconds=$2 build=${3:-build/native-asan}
fuzzer="$build/gouji_fuzz_$target"
corpus="tests/fuzz/corpus/$target"
seeds=$(tests/fuzz/seeds.sh "$build/fuzz-seeds" | tail -n 1)
work="$build/fuzz-campaign/$target"
mkdir -p "$work" "$corpus" "$build/fuzz-crashes"
log="$build/fuzz-campaign/$target.log"
status=0
"$fuzzer" -max_total_time="$seconds" -timeout=10 -dict="$build/gouji.dict" -print_final_stats=1 \
  -artifact_prefix="$build/fuzz-crashes/$target-" "$work" "$corpus" "$seeds/$target" >"$log" 2>&1 || status=$?
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" | sed "s/^/$target /"
if [ $status != 0 ]; then
  grep -E 'ERROR|SUMMARY|property broken|Test unit written' "$log" >&2 || true
  echo "$target: the fuzzer stopped (status $status): see $log" >&2
  exit 1
fi
fresh="$build/fuzz-campaign/$target.merged"
rm -rf "$fresh" && mkdir -p "$fresh"
"$fuzzer" -merge=1 -timeout=10 "$fresh" "$corpus" "$work" "$seeds/$target" >"$log.merge" 2>&1
rm -rf "$corpus" && mv "$fresh" "$corpus"
echo "$target corpus: $(ls "$corpus" | wc -l) inputs, $(du -sk "$corpus" | cut -f1) KB"
