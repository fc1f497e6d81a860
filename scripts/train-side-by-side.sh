#!/usr/bin/env bash
# Side-by-side training throughput: Hw4 (bench/Hw4.Bench train) against the PyTorch reference in ../shared/reference,
# alternating so that both see the same machine load. Prints one line per run: "<label> <img/s>".
# Usage: scripts/train-side-by-side.sh [ROUNDS] [LIMIT] [MODEL] [REF_ARGS...]
#   REF_ARGS are passed to hw4_reference.py for its second configuration (default: --workers 0 --threads 2).
# Needs: dotnet build -c Release bench/Hw4.Bench; /usr/bin/python3 with python3-torch and python3-torchvision.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}; limit=${2:-4096}; model=${3:-cnn}; shift $(( $# < 3 ? $# : 3 ))
best_args=("$@"); [ ${#best_args[@]} -gt 0 ] || best_args=(--workers 0 --threads 2)
data=${HW4_DATA_ZIP:-../shared/datasets/cifar10-jpeg.zip}
bench="dotnet bench/Hw4.Bench/bin/Release/net10.0/Hw4.Bench.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

ref() { # label, args...
  local label=$1; shift
  /usr/bin/python3 ../shared/reference/hw4_reference.py "$data" "$model" 1 "$out/ref" --limit "$limit" "$@" 2>/dev/null \
    | /usr/bin/python3 -c 'import json, sys
for line in sys.stdin:
    if line.startswith("{\"epoch"):
        print(sys.argv[1], round(json.loads(line)["img_s"], 1))' "$label"
}
hw4() {
  $bench train --limit "$limit" --repeats 1 --threads 2 --device cpu --model "$model" --data "$data" 2>/dev/null \
    | awk '/^train augment/{print "hw4-augment", $3} /^train plain/{print "hw4-plain", $3}'
}
for ((r = 1; r <= rounds; r++)); do
  ref "reference-default"
  hw4
  ref "reference-${best_args[*]// /}" "${best_args[@]}"
done
