#!/usr/bin/env bash
# Lints every service's OpenAPI document with Redocly CLI (configuration: redocly.yaml in the repository root): starts
# the standalone host on a free port with a throw-away data folder, fetches /api/<service>/openapi.json for each service,
# lints them, and stops the host. Exit code: non-zero on any lint error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(customers visits contracts complaints hospitality)
WORK="$(mktemp -d)"
HOST_PID=""
cleanup() {
  [ -n "$HOST_PID" ] && kill "$HOST_PID" 2>/dev/null && wait "$HOST_PID" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

cd "$ROOT"
dotnet build deploy/standalone/Crm.Standalone -c Release -v q -nologo >/dev/null
dotnet deploy/standalone/Crm.Standalone/bin/Release/net10.0/Crm.Standalone.dll \
  --Standalone:DataDirectory="$WORK/data" --urls http://127.0.0.1:0 >"$WORK/host.log" 2>&1 &
HOST_PID=$!

url=""
for _ in $(seq 1 120); do
  url=$(sed -nE 's/.*is running at (http:[^ ]+).*/\1/p' "$WORK/host.log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log" >&2; echo "[openapi] the standalone host stopped" >&2; exit 1; }
  sleep 0.5
done
[ -n "$url" ] || { cat "$WORK/host.log" >&2; echo "[openapi] the standalone host did not start" >&2; exit 1; }

files=()
for service in "${SERVICES[@]}"; do
  curl -fsS "$url/api/$service/openapi.json" -o "$WORK/$service.json"
  files+=("$WORK/$service.json")
done

echo "[openapi] npx @redocly/cli@2.77.0 lint ${SERVICES[*]}"
npx --yes @redocly/cli@2.77.0 lint --config "$ROOT/redocly.yaml" --format=stylish "${files[@]}"
