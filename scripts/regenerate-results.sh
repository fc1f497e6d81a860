#!/usr/bin/env bash
# Regenerates docs/results.md (images in docs/results/<model>/) and docs/report-example.pdf from a folder of homework
# runs, then times `report --format pdf` of it three times. Run from the repository root, on a COPY of the runs folder
# (the denoising parts the report lacks are added to it):
#
#   cp -a /work/seedruns /tmp/hw4-results-runs && scripts/regenerate-results.sh /tmp/hw4-results-runs
#
# Usage: scripts/regenerate-results.sh RUNS_DIR [DATA] [SHARED_IMAGES_DIR]
set -euo pipefail
runs=${1:?usage: scripts/regenerate-results.sh RUNS_DIR [DATA] [SHARED_IMAGES_DIR]}
data=${2:-../shared/datasets/cifar10-jpeg.zip}
images=${3:-../shared/images}
dll=Hw4.Dashboard/bin/Release/net10.0/Hw4.Dashboard.dll
dotnet build -c Release Hw4.Dashboard -nodeReuse:false -v q

# Which parts have no run of the homework's settings yet: the report says so in its JSON.
missing() {
  dotnet "$dll" report --artifacts-dir "$runs" --data "$data" --format html --out /tmp/hw4-regenerate-probe.html --json 2>/dev/null |
    tail -1 | python3 -c 'import json,sys; r=json.load(sys.stdin); print(" ".join(sorted(set(r["missing"]) | set(r["off_recipe"]))))'
}
todo=$(missing)
for part in $todo; do
  case $part in
    l1|l2) norm=$part; preset=gd ;;
    seed-l1|seed-l2) norm=${part#seed-}; preset=seed ;;
    primal-dual-l1|primal-dual-l2) norm=${part#primal-dual-}; preset=best ;;
    *) echo "no run of the homework's settings for $part: train it first (the report marks it)" >&2; continue ;;
  esac
  # Exit 3 is the seed's L2 diverging, as it should.
  dotnet "$dll" denoise --image "$images/parrots-noisy.png" --clean "$images/parrots-clean.png" --norm "$norm" --preset "$preset" \
    --report-every 1 --artifacts-dir "$runs" --out "/tmp/hw4-regenerate-$part.png" --json >/dev/null || [ $? -eq 3 ]
done

dotnet "$dll" report --artifacts-dir "$runs" --data "$data" --format md --out docs/results.md
dotnet "$dll" report --artifacts-dir "$runs" --data "$data" --format pdf --out docs/report-example.pdf
dotnet "$dll" report --artifacts-dir "$runs" --data "$data" --format html --out /tmp/hw4-report-example.html
ls -l docs/results.md docs/report-example.pdf /tmp/hw4-report-example.html

echo "load before timing: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in 1 2 3; do
  /usr/bin/time -f "report --format pdf: %e s wall" dotnet "$dll" report --artifacts-dir "$runs" --data "$data" --format pdf --out /tmp/hw4-report-timing.pdf 2>&1 >/dev/null | tail -1
done
echo "load after timing: $(cut -d' ' -f1-3 /proc/loadavg)"
