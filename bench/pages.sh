#!/usr/bin/env bash
# Page throughput (issue 9): the published portal (embedded default, shipped content) next to nginx
# serving the very same HTML as static files. Same wrk settings, same machine, same run; loopback
# only; about 1 minute. Also measures cold start: first start (import of the shipped content) and a
# start on the already-imported database, each from process start to the first 200 of /nl.
# Usage: bench/pages.sh [seconds per measurement=10] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
connections=${2:-32}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  as_root apt-get install -y -qq --no-install-recommends wrk nginx-light >/dev/null
fi
work=$(mktemp -d -t jas-bench-pages-XXXXXX)
chmod 755 "$work"
portal_pid=""; nginx_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

echo "Publishing the portal (Release, ReadyToRun, as the Dockerfile does)…"
dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/app" src/JasKnowledge.Web >/dev/null
port=$(free_port)
start_portal() {
  # Request logging off: nginx logs nothing either (access_log off).
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Jas__DataDirectory="$work/data" \
    Jas__ContentDirectory="$work/content" Urls="http://127.0.0.1:$port" \
    "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
    dotnet JasKnowledge.Web.dll >"$work/portal.log" 2>&1) &
  portal_pid=$!
}
first_page_ms() {
  local started=$1
  until curl -sf -o /dev/null "http://127.0.0.1:$port/nl"; do
    if ! kill -0 "$portal_pid" 2>/dev/null; then cat "$work/portal.log" >&2; exit 1; fi
    sleep 0.02
  done
  echo $(( $(now_ms) - started ))
}
# The content folder as the portal resolves it from its own folder.
ln -s "$(pwd)/content" "$work/content"

t=$(now_ms); start_portal; import_ms=$(first_page_ms "$t")
kill "$portal_pid"; wait "$portal_pid" 2>/dev/null || true
t=$(now_ms); start_portal; cold_ms=$(first_page_ms "$t")

pages=(/nl /nl/handboek/sessie-1-nederland-en-jij /ar/video/het-gesprek)
mkdir -p "$work/static"
for page in "${pages[@]}"; do
  mkdir -p "$work/static$page"
  curl -sf "http://127.0.0.1:$port$page" -o "$work/static$page/index.html"
done
nginx_port=$(free_port)
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type text/html;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/static;
    location / { try_files \$uri/index.html =404; }
  }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" &
nginx_pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$nginx_port/nl"; do sleep 0.05; done

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
  read -r p_rps p_p99 < <(measure "http://127.0.0.1:$port$page")
  read -r n_rps n_p99 < <(measure "http://127.0.0.1:$nginx_port$page")
  ratio=$(python3 -c "print(f'{100*$p_rps/$n_rps:.0f}%')")
  echo "| \`$page\` | $p_rps | $p_p99 | $n_rps | $n_p99 | $ratio |"
done
echo
echo "Cold start to the first page: first start with import of the shipped content ${import_ms} ms; start on the imported database ${cold_ms} ms."
