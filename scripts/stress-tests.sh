#!/usr/bin/env bash
# The flake hunt of issue 20: the whole suite N times in a row on fresh clones, with both cores kept busy by
# stress-ng (Debian's stress-ng package). Usage: scripts/stress-tests.sh [runs=3] [commit=HEAD]
# Each run clones this checkout into a temporary folder beside it (so ../shared is found as on a fresh clone), checks
# out the commit, starts `stress-ng --cpu 2`, runs the README's test command with every prerequisite required, and
# prints one line per run: exit code, seconds, load average. Exits non-zero if any run failed; logs stay in the folder.
set -uo pipefail
runs=${1:-3}
repo=$(cd "$(dirname "$0")/.." && pwd)
commit=$(git -C "$repo" rev-parse "${2:-HEAD}")
command -v stress-ng >/dev/null || { echo "stress-ng is missing: apt-get install -y stress-ng" >&2; exit 2; }
logs=$(mktemp -d "${TMPDIR:-/tmp}/hw4-stress-XXXXXX")
failed=0
for n in $(seq 1 "$runs"); do
  clone="$(dirname "$repo")/.hw4-stress-$n"
  rm -rf "$clone" && git clone -q "$repo" "$clone" && git -C "$clone" checkout -q "$commit"
  stress-ng --cpu 2 --timeout 0 >/dev/null 2>&1 &
  load=$!
  start=$(date +%s)
  (cd "$clone" && HW4_REQUIRE_PREREQUISITES=1 dotnet test Hw4.sln) > "$logs/run-$n.log" 2>&1
  rc=$?
  kill "$load"; wait "$load" 2>/dev/null
  echo "run $n of $runs on ${commit:0:7}: exit $rc, $(( $(date +%s) - start )) s, load average $(cut -d' ' -f1-3 /proc/loadavg), log $logs/run-$n.log"
  grep -E "^(Passed|Failed)!" "$logs/run-$n.log"
  [ "$rc" -eq 0 ] || failed=1
  rm -rf "$clone"
done
exit $failed
