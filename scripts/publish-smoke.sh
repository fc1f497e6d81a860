#!/usr/bin/env bash
# Mirrors the Dockerfile without a Docker engine: publish, start the published app, wait for /healthz,
# run `taylor --json` from the published binary, stop. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${PUBLISH_DIR:-artifacts/publish}
port=${SMOKE_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 5099)}

echo "publish-smoke: dotnet publish -> $out"
dotnet publish Hw4.Dashboard/Hw4.Dashboard.csproj -c Release -o "$out" --nologo -v quiet

log=$(mktemp)
"$out/Hw4.Dashboard" --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT

echo "publish-smoke: waiting for http://127.0.0.1:$port/healthz"
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then ok=1; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "publish-smoke: the app exited early:"; cat "$log"; exit 1; fi
  sleep 0.5
done
[ "${ok:-0}" = 1 ] || { echo "publish-smoke: /healthz did not answer in 60 s"; cat "$log"; exit 1; }
echo "publish-smoke: /healthz OK"

json=$(timeout 120 "$out/Hw4.Dashboard" taylor --json | tail -n 1)
echo "publish-smoke: taylor -> $json"
python3 - "$json" <<'PY'
import json, sys
r = json.loads(sys.argv[1])
assert r["grad_abs_error"] <= 1e-6, r
assert r["max_abs_error_over_points"] <= 1e-5, r
PY
echo "publish-smoke: OK"
