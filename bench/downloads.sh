#!/usr/bin/env bash
# Downloads (issue 9): a 100 MB and a 1 GB file served by the published portal (embedded default,
# folder blob store) next to nginx serving the same file; throughput of each and the portal's peak
# resident memory (VmHWM) while serving it. Loopback only; about two minutes and 3 GB of temporary disk.
# Usage: bench/downloads.sh [downloads per file=3]
source "$(dirname "$0")/lib.sh"
rounds=${1:-3}
need nginx-light
publish_portal

echo "Making the files…"
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
start_portal "$work/content"
wait_for_portal /health/ready
start_nginx "$work/static"

rss_mb() { awk -v k="$2" '$1 == k":" { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
best_mbps() { # url → the best of $rounds downloads, in MB/s
  local best=0 speed
  for _ in $(seq "$rounds"); do
    speed=$(curl -sf -o /dev/null -w '%{speed_download}' "$1")
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
