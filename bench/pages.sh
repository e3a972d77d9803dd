#!/usr/bin/env bash
# Page throughput (issue 9): the published portal (embedded default, shipped content) next to nginx
# serving the very same HTML as static files. Same wrk settings, same machine, same run; loopback
# only; about two minutes. Also measures cold start: the first start (import of the shipped content)
# and a start on the already-imported database, each from process start to the first 200 of /nl.
# Usage: bench/pages.sh [seconds per measurement=10] [connections=32]
source "$(dirname "$0")/lib.sh"
seconds=${1:-10}
connections=${2:-32}
need wrk nginx-light
publish_portal

t=$(now_ms); start_portal "$(pwd)/content"; wait_for_portal /nl; import_ms=$(( $(now_ms) - t ))
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true
t=$(now_ms); start_portal "$(pwd)/content"; wait_for_portal /nl; cold_ms=$(( $(now_ms) - t ))

pages=(/nl /nl/handboek/sessie-1-nederland-en-jij /ar/video/het-gesprek /nl/gemeenten)
for page in "${pages[@]}"; do
  mkdir -p "$work/static$page"
  curl -sf "http://127.0.0.1:$port$page" -o "$work/static$page/index.html"
done
start_nginx "$work/static"

measure() { # url → "requests/s p99"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$1" | awk '
    /Requests\/sec/ { rps = $2 }
    /^ +99%/ { p99 = $2 }
    END { print rps, p99 }'
}
echo
echo "wrk -t2 -c$connections -d${seconds}s, one page at a time, loopback, $(nproc) cores"
echo
echo "| page | portal req/s | portal p99 | nginx req/s | nginx p99 | portal / nginx |"
echo "|---|---:|---:|---:|---:|---:|"
for page in "${pages[@]}"; do
  # Two seconds of warm-up on each server (JIT tiering, the output cache, nginx's page cache).
  wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$port$page" >/dev/null
  wrk -t2 -c"$connections" -d2s "http://127.0.0.1:$nginx_port$page" >/dev/null
  read -r p_rps p_p99 < <(measure "http://127.0.0.1:$port$page")
  read -r n_rps n_p99 < <(measure "http://127.0.0.1:$nginx_port$page")
  ratio=$(python3 -c "print(f'{100*$p_rps/$n_rps:.0f}%')")
  echo "| \`$page\` | $p_rps | $p_p99 | $n_rps | $n_p99 | $ratio |"
done
echo
echo "Cold start to the first page: first start with import of the shipped content ${import_ms} ms; start on the imported database ${cold_ms} ms."
