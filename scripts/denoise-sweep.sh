#!/usr/bin/env bash
# Sweeps norm x optimizer x lr x alpha for 200 denoising steps on the shared parrots and prints one TSV row per run.
# Usage (from the repo root, after dotnet build -c Release):
#   scripts/denoise-sweep.sh [coarse|fine|all] [path/to/Hw4.Dashboard.dll]
# coarse: the grid of docs/denoise-sweep.md; fine: around the coarse winner (l1, gd, small lr, larger alpha).
set -euo pipefail
grid=${1:-all}
dll=${2:-Hw4.Dashboard/bin/Release/net10.0/Hw4.Dashboard.dll}
images=${HW4_DATA:-../shared}/images
run() { # norm optimizer lr alpha
  local json
  json=$(dotnet "$dll" denoise --image "$images/parrots-noisy.png" --clean "$images/parrots-clean.png" \
    --norm "$1" --optimizer "$2" --lr "$3" --alpha "$4" --steps 200 --artifacts-dir /tmp/hw4-sweep-runs --out /tmp/hw4-sweep.png --json 2>/dev/null | tail -n 1)
  printf '%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" \
    "$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["psnr_output"])' "$json")"
}
printf 'norm\toptimizer\tlr\talpha\tpsnr_output\n'
if [[ $grid == coarse || $grid == all ]]; then
  for a in 0.5 0.8 1.0 1.5; do for lr in 0.1 0.3 0.5 0.9; do run l1 gd $lr $a; done; done
  for a in 0.5 1 2 4; do for lr in 0.01 0.02 0.05; do run l2 gd $lr $a; done; done
  for a in 0.5 0.8 1.0 1.5; do for lr in 0.5 1 2 4; do run l1 adam $lr $a; done; done
  for a in 0.5 1 2 4; do for lr in 0.5 1 2; do run l2 adam $lr $a; done; done
fi
if [[ $grid == fine || $grid == all ]]; then
  for a in 1.5 2 2.5 3; do for lr in 0.05 0.1 0.2; do run l1 gd $lr $a; done; done
fi
