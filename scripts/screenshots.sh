#!/usr/bin/env bash
# Full-page PNGs of every dashboard page into docs/screenshots/ (or $OUT), taken in headless system Chromium once the
# Blazor circuit is up and the charts have drawn.
#   scripts/screenshots.sh [ARTIFACTS_DIR] [RUN_ID] [COMPARE_A,COMPARE_B]
# Builds the app and the bench tool (Release), starts the built app on a free loopback port with ARTIFACTS_DIR (default
# runs) and a throw-away index database, waits for /healthz, runs `Hw4.Bench screenshots`, stops the app.
# Without RUN_ID / the pair, the newest run folders under ARTIFACTS_DIR are used. APP_DLL picks another build or a
# published Hw4.Dashboard.dll. Needs Debian's chromium (apt-get install -y chromium); never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=$(realpath -m "${1:-runs}")
run_id=${2:-}
pair=${3:-}
out=${OUT:-docs/screenshots}
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
[ -x /usr/bin/chromium ] || { echo "screenshots: /usr/bin/chromium missing; apt-get install -y chromium"; exit 1; }

dotnet build bench/Hw4.Bench -c Release --nologo -v quiet
app=${APP_DLL:-Hw4.Dashboard/bin/Release/net10.0/Hw4.Dashboard.dll}
bench=bench/Hw4.Bench/bin/Release/net10.0/Hw4.Bench.dll

tmp=$(mktemp -d)
dotnet "$app" --urls "http://127.0.0.1:$port" --Hw4:ArtifactsDir "$runs" --Hw4:Database "$tmp/hw4.db" >"$tmp/app.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ok=1; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "screenshots: the app exited early:"; cat "$tmp/app.log"; exit 1; fi
  sleep 0.5
done
[ "${ok:-0}" = 1 ] || { echo "screenshots: /healthz did not answer in 120 s"; cat "$tmp/app.log"; exit 1; }

args=(screenshots --url "http://127.0.0.1:$port" --out "$out" --artifacts-dir "$runs")
[ -n "$run_id" ] && args+=(--run "$run_id")
[ -n "$pair" ] && args+=(--compare "$pair")
dotnet "$bench" "${args[@]}"
