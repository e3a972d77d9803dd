# Shared by the benchmark scripts (sourced, not run): a temporary work folder cleaned up on exit,
# the portal published as the Dockerfile does and started on loopback, and nginx serving a folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

# Installs the Debian tools a benchmark needs when they are missing: need wrk nginx-light
need() {
  local missing=()
  for package in "$@"; do command -v "${package%-light}" >/dev/null || missing+=("$package"); done
  [ ${#missing[@]} -eq 0 ] || as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

work=$(mktemp -d -t jas-bench-XXXXXX)
chmod 755 "$work"
portal_pid=""; nginx_pid=""
cleanup() {
  [ -n "$portal_pid" ] && kill "$portal_pid" 2>/dev/null || true
  [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

publish_portal() {
  echo "Publishing the portal (Release, ReadyToRun, as the Dockerfile does)…"
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/app" src/JasKnowledge.Web >/dev/null
  port=$(free_port)
}

# start_portal CONTENT_FOLDER: the embedded default in $work/data. Request logging is off, as
# nginx's access log is.
start_portal() {
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production Jas__DataDirectory="$work/data" \
    Jas__ContentDirectory="$1" Urls="http://127.0.0.1:$port" \
    "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
    dotnet JasKnowledge.Web.dll >"$work/portal.log" 2>&1) &
  portal_pid=$!
}

# wait_for_portal PATH: until the portal answers 200 on PATH; stops with its log if it died.
wait_for_portal() {
  until curl -sf -o /dev/null "http://127.0.0.1:$port$1"; do
    if ! kill -0 "$portal_pid" 2>/dev/null; then cat "$work/portal.log" >&2; exit 1; fi
    sleep 0.02
  done
}

# start_nginx ROOT: serves ROOT (a path is tried as a file, then as a folder's index.html).
start_nginx() {
  nginx_port=$(free_port)
  mkdir -p "$work/tmp"
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
    root $1;
    location / { try_files \$uri \$uri/index.html =404; }
  }
}
CONF
  nginx -c "$work/nginx.conf" &
  nginx_pid=$!
  until (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null; do sleep 0.05; done
}
