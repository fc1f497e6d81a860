#!/usr/bin/env bash
# Times `denoise --preset best` (l1) against scikit-image's Chambolle TV (../shared/reference/tv_anchor.py) on the
# shared parrots, alternating ours and the anchor PAIRS times, and prints one TSV row per pair, then the medians and the
# median of the pairwise ratios. Ours: the loop seconds of the verb's JSON; Chambolle: tv_anchor's time at its best weight.
# Usage (from the repo root, after dotnet build -c Release Hw4.Dashboard and the apt packages of
# ../shared/reference/README.md): scripts/denoise-side-by-side.sh [PAIRS=3] [path/to/Hw4.Dashboard.dll]
set -euo pipefail
pairs=${1:-3}
dll=${2:-Hw4.Dashboard/bin/Release/net10.0/Hw4.Dashboard.dll}
data=${HW4_DATA:-../shared}
noisy=$data/images/parrots-noisy.png
clean=$data/images/parrots-clean.png
rows=$(mktemp)
trap 'rm -f "$rows"' EXIT
printf 'pair\tours_s\tours_psnr\tchambolle_s\tchambolle_psnr\tratio\tload\tweight\n'
for n in $(seq 1 "$pairs"); do
  ours=$(dotnet "$dll" denoise --image "$noisy" --clean "$clean" --preset best --threads 2 --artifacts-dir /tmp/hw4-side-by-side-runs --out /tmp/hw4-side-by-side.png --json 2>/dev/null | tail -n 1)
  anchor=$(OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 /usr/bin/python3 "$data/reference/tv_anchor.py" "$clean" "$noisy" | grep '^chambolle')
  load=$(cut -d' ' -f1 /proc/loadavg)
  python3 - "$n" "$ours" "$anchor" "$load" <<'PY' | tee -a "$rows"
import json, re, sys
n, ours, anchor, load = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3], sys.argv[4]
m = re.search(r"best psnr ([\d.]+) dB at weight ([\d.]+) in ([\d.]+) s", anchor)
cs, cp, weight = float(m.group(3)), float(m.group(1)), m.group(2)
print(f"{n}\t{ours['seconds']:.3f}\t{ours['psnr_output']:.2f}\t{cs:.2f}\t{cp:.2f}\t{ours['seconds'] / cs:.2f}\t{load}\t{weight}")
PY
done
python3 - "$rows" <<'PY'
import statistics, sys
rows = [line.split("\t") for line in open(sys.argv[1]) if line.strip()]
col = lambda i: [float(r[i]) for r in rows]
print(f"median\t{statistics.median(col(1)):.3f}\t{statistics.median(col(2)):.2f}\t{statistics.median(col(3)):.2f}\t"
      f"{statistics.median(col(4)):.2f}\t{statistics.median(col(5)):.2f}\t(ratio = median of pairwise ours/chambolle)")
PY
