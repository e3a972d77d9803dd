# Shared by the benchmark scripts (sourced, not run): a temporary work folder cleaned up on exit,
# the portal published as the Dockerfile does and started on loopback, and nginx serving a folder.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The runtime settings the Dockerfile gives the portal (its DOTNET_ variables): every portal a benchmark
# starts runs as deployed, and so does the benchmark's own raw query next to it.
for setting in $(grep -oE 'DOTNET_[A-Za-z0-9_]+=[^ \\]+' Dockerfile); do export "$setting"; done

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# A port nothing listens on and none of the given ones: ports asked for before their servers start can
# be the same (the kernel hands a just-closed port out again), as test.sh found with maildev.
free_port() {
  local port
  while :; do
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    [[ " $* " == *" $port "* ]] || { echo "$port"; return; }
  done
}
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
pids=()       # further processes a benchmark started (start_node, start_azurite)
pg_data=""    # set by start_postgres
cleanup() {
  set +e
  for pid in $portal_pid $nginx_pid "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in $portal_pid $nginx_pid "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  [ -n "$pg_data" ] && [ -f "$pg_data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

publish_portal() {
  echo "Publishing the portal (Release, ReadyToRun, as the Dockerfile does)…"
  dotnet publish -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -v q -nologo -o "$work/app" src/JasKnowledge.Web \
    >"$work/publish.log" 2>&1 \
    || { cat "$work/publish.log" >&2; exit 1; }
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

# --- server mode: PostgreSQL and Azurite as test.sh starts them ----------------------------

run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# start_postgres: a throwaway PostgreSQL cluster in $work/pg on $pg_port with the database jas.
start_postgres() {
  [ -n "$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null)" ] || need postgresql
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_port=$(free_port)
  pg_data="$work/pg"
  mkdir -p "$pg_data"
  [ "$(id -u)" = 0 ] && chown postgres "$pg_data" "$work"
  run_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  local options="-c listen_addresses=127.0.0.1 -p $pg_port -k $work"
  options+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg.log" -w -o "$options" start >/dev/null
  run_pg "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres jas
}

# start_azurite: the Azure Blob Storage emulator (npm, in .tools like test.sh) on $blob_port, pid
# $azurite_pid; sets $azurite_connection to its connection string (the emulator's development key).
start_azurite() {
  if [ ! -f .tools/node_modules/azurite/package.json ]; then
    mkdir -p .tools
    npm install --no-audit --no-fund --loglevel=error --prefix .tools azurite@3.35.0 >/dev/null
  fi
  blob_port=$(free_port)
  node .tools/node_modules/azurite/dist/src/blob/main.js --blobHost 127.0.0.1 --blobPort "$blob_port" \
    --location "$work/azurite" --silent --disableTelemetry --skipApiVersionCheck --loose >"$work/azurite.log" 2>&1 &
  azurite_pid=$!
  pids+=($!)
  until (exec 3<>"/dev/tcp/127.0.0.1/$blob_port") 2>/dev/null; do sleep 0.05; done
  azurite_connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
  azurite_connection+="AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
  azurite_connection+="BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
}

# start_node NAME PORT: the published portal in server mode (PostgreSQL + Azurite started above, the
# shipped content) on PORT with its own data folder $work/NAME and log $work/NAME.log; its pid goes
# to node_pid[NAME]. Request logging is off, as in start_portal.
declare -A node_pid=()
start_node() {
  local content; content="$(pwd)/content"
  (cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production \
    Jas__Database__Provider=PostgreSQL \
    ConnectionStrings__Jas="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=jas" \
    Jas__Blobs__Provider=Azure Jas__Blobs__Container=jas Jas__Blobs__ConnectionString="$azurite_connection" \
    Jas__ContentDirectory="$content" Jas__DataDirectory="$work/$1" Urls="http://127.0.0.1:$2" \
    "Logging__LogLevel__Microsoft.AspNetCore.HttpLogging.HttpLoggingMiddleware=Warning" \
    dotnet JasKnowledge.Web.dll >"$work/$1.log" 2>&1) &
  node_pid[$1]=$!
  pids+=($!)
}

# wait_for_node NAME PORT: until /health/ready answers 200; stops with the node's log if it died.
wait_for_node() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$2/health/ready")" = 200 ]; do
    if ! kill -0 "${node_pid[$1]}" 2>/dev/null; then
      echo "Node $1 stopped before it was ready; its log:" >&2; cat "$work/$1.log" >&2; exit 1
    fi
    sleep 0.1
  done
}
