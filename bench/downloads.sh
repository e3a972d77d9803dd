#!/usr/bin/env bash
# Downloads (issue 9): a 100 MB and a 1 GB file served by the published portal (embedded default,
# folder blob store) next to nginx serving the same file; throughput of each and the portal's peak
# resident memory (VmHWM) while serving it. Loopback only; about two minutes and 3 GB of temporary disk.
# Usage: bench/downloads.sh [downloads per file=3]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
command -v nginx >/dev/null || as_root apt-get install -y -qq --no-install-recommends nginx-light >/dev/null
work=$(mktemp -d -t jas-bench-downloads-XXXXXX)
chmod 755 "$work"
portal_pid=""; nginx_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

echo "Publishing the portal and making the files…"
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/app" src/JasKnowledge.Web >/dev/null
mkdir -p "$work/content/bench" "$work/static"
for size in 100 1024; do
  head -c "${size}M" /dev/urandom > "$work/content/bench/file-$size.bin"
  ln "$work/content/bench/file-$size.bin" "$work/static/file-$size.bin"
  cat > "$work/content/bench/file-$size.nl.asset.yml" <<YML
title: 'Benchmark file of $size MB (random bytes)'
revisions:
- version: '1'
  file: file-$size.bin
  mediaType: application/octet-stream
  published: 2026-11-22T12:00:00Z
YML
done

port=$(free_port)
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Jas__DataDirectory="$work/data" \
  Jas__ContentDirectory="$work/content" Urls="http://127.0.0.1:$port" \
  "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
  dotnet JasKnowledge.Web.dll >"$work/portal.log" 2>&1) &
portal_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"; do
  if ! kill -0 "$portal_pid" 2>/dev/null; then cat "$work/portal.log" >&2; exit 1; fi
  sleep 0.1
done

nginx_port=$(free_port)
mkdir -p "$work/tmp"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 64; }
http {
  access_log off;
  sendfile on;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$nginx_port; root $work/static; }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
until curl -sf -o /dev/null -r 0-0 "http://127.0.0.1:$nginx_port/file-100.bin"; do sleep 0.05; done

rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
best_mbps() { # url → the best of $rounds downloads, in MB/s
  local best=0
  for _ in $(seq "$rounds"); do
    local speed
    speed=$(curl -s -o /dev/null -w '%{speed_download}' "$1")
    best=$(python3 -c "print(max($best, $speed / 1048576))")
  done
  printf '%.0f' "$best"
}
echo
echo "Best of $rounds sequential downloads with curl, loopback, $(nproc) cores; portal memory from /proc (VmRSS before, VmHWM after)."
echo
echo "| file | portal MB/s | nginx MB/s | portal / nginx | portal RSS before | portal peak RSS after |"
echo "|---|---:|---:|---:|---:|---:|"
for size in 100 1024; do
  before=$(rss_mb "$portal_pid" VmRSS)
  portal=$(best_mbps "http://127.0.0.1:$port/files/nl/file-$size/latest")
  peak=$(rss_mb "$portal_pid" VmHWM)
  nginx=$(best_mbps "http://127.0.0.1:$nginx_port/file-$size.bin")
  ratio=$(python3 -c "print(f'{100*$portal/$nginx:.0f}%')")
  echo "| $size MB | $portal | $nginx | $ratio | $before MB | $peak MB |"
done
