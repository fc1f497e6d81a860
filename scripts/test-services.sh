#!/usr/bin/env bash
# The servers the store and team-deployment tests use, on loopback only:
#   PostgreSQL (Debian's cluster, port 5432, role hw4/hw4; the tests make and drop a database each)
#   Redis (port 6379, nothing persisted).
# Usage: bash scripts/test-services.sh start|stop   (start installs the Debian packages when they are missing; run as root)
set -euo pipefail

apt_install() {
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

start() {
  command -v pg_lsclusters >/dev/null || apt_install postgresql
  command -v redis-server >/dev/null || apt_install redis-server
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -1)
  pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main" || pg_createcluster "$version" main >/dev/null
  pg_ctlcluster "$version" main start 2>/dev/null || pg_ctlcluster "$version" main status >/dev/null
  su postgres -c "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'hw4'\"" | grep -q 1 \
    || su postgres -c "psql -qc \"CREATE ROLE hw4 LOGIN CREATEDB PASSWORD 'hw4'\""
  if ! redis-cli -p 6379 ping >/dev/null 2>&1; then
    redis-server --port 6379 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes >/dev/null
    for _ in $(seq 50); do redis-cli -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  echo "test services: PostgreSQL $version on 127.0.0.1:5432 (role hw4), Redis on 127.0.0.1:6379"
}

stop() {
  local version
  version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$version" ] && pg_ctlcluster "$version" main stop 2>/dev/null || true
  redis-cli -p 6379 shutdown nosave >/dev/null 2>&1 || true
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
