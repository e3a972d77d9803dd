#!/usr/bin/env bash
# Runs every test of JasKnowledge against real servers. Installs what is missing (Debian: chromium,
# postgresql, docker-compose, nginx-light, poppler-utils, ffmpeg, librsvg2-bin, translate-toolkit; npm: azurite, maildev), starts
# PostgreSQL, Azurite and maildev on 127.0.0.1 in temporary
# folders, runs `dotnet test` for the solution, stops the servers, and exits non-zero on any failure.
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Recipe]
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
tools="$root/.tools"
work=$(mktemp -d -t jas-test-XXXXXX)
chmod 755 "$work"

log() { printf '\n== %s\n' "$*"; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- what the tests need -------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)   # reads the handbook PDF's text
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)   # checks deploy/nginx.conf
fc-list 2>/dev/null | grep -qi "Noto Sans Ethiopic" || missing+=(fonts-noto-core)
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)                 # render-film encodes, the film tests probe frames
command -v rsvg-convert >/dev/null 2>&1 || missing+=(librsvg2-bin)     # render-film draws the frames
command -v xliff2po >/dev/null 2>&1 || missing+=(translate-toolkit)    # the XLIFF round trip through translators' tools
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]} (Debian)"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ ! -f "$tools/node_modules/azurite/package.json" ]; then
  log "installing azurite (npm)"
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error --prefix "$tools" azurite@3.35.0 >/dev/null)
fi

if [ ! -f "$tools/node_modules/maildev/package.json" ]; then
  log "installing maildev (npm)"
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --loglevel=error --prefix "$tools" maildev@3.0.0 >/dev/null)
fi

# A port nothing listens on and none of the given ones: two ports asked for before either server starts
# can be the same (the kernel hands a just-closed port out again), which once left maildev on one port.
free_port() {
  local port
  while :; do
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    [[ " $* " == *" $port "* ]] || { echo "$port"; return; }
  done
}

wait_for_port() {
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 0.2
  done
  echo "nothing answers on 127.0.0.1:$1" >&2; return 1
}

# --- PostgreSQL: a throwaway cluster --------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_port=$(free_port)
pg_data="$work/pg"
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
mkdir -p "$pg_data"
[ "$(id -u)" = 0 ] && chown postgres "$pg_data" "$work"
cleanup() {
  set +e
  [ -n "${azurite_pid:-}" ] && kill "$azurite_pid" 2>/dev/null
  [ -n "${maildev_pid:-}" ] && kill "$maildev_pid" 2>/dev/null
  [ -f "$pg_data/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
log "starting PostgreSQL on 127.0.0.1:$pg_port"
run_pg "$pg_bin/initdb" -D "$pg_data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $work -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null

# --- Azurite (Azure Blob Storage emulator) --------------------------------------------------
blob_port=$(free_port "$pg_port")
log "starting Azurite on 127.0.0.1:$blob_port"
node "$tools/node_modules/azurite/dist/src/blob/main.js" --blobHost 127.0.0.1 --blobPort "$blob_port" \
  --location "$work/azurite" --silent --disableTelemetry --loose >"$work/azurite.log" 2>&1 &
azurite_pid=$!
wait_for_port "$blob_port"

# --- maildev (an SMTP server whose REST API shows what arrived) ------------------------------
smtp_port=$(free_port "$pg_port" "$blob_port")
maildev_web_port=$(free_port "$pg_port" "$blob_port" "$smtp_port")
log "starting maildev on 127.0.0.1:$smtp_port (SMTP) and :$maildev_web_port (REST API)"
node "$tools/node_modules/maildev/dist/bin/maildev.js" --smtp "$smtp_port" --web "$maildev_web_port" \
  --ip 127.0.0.1 --web-ip 127.0.0.1 --silent >"$work/maildev.log" 2>&1 &
maildev_pid=$!
wait_for_port "$smtp_port"
wait_for_port "$maildev_web_port"
export JAS_TEST_MAILDEV_SMTP="127.0.0.1:$smtp_port"
export JAS_TEST_MAILDEV_WEB="http://127.0.0.1:$maildev_web_port"

export JAS_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=true;Include Error Detail=true"
# Tests that stop and start a database server of their own (readiness) start it with these binaries.
export JAS_TEST_PG_BIN="$pg_bin"
export JAS_TEST_AZURITE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:$blob_port/devstoreaccount1;"
export JAS_TEST_CHROMIUM="$(command -v chromium)"
# Debian puts nginx in /usr/sbin, which is not on an ordinary user's PATH.
export JAS_TEST_NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
export JAS_TEST_ARTIFACTS="${JAS_TEST_ARTIFACTS:-$root/TestResults/artifacts}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$JAS_TEST_ARTIFACTS"

# --- the tests ------------------------------------------------------------------------------
# dotnet-ef (.config/dotnet-tools.json): restored here so that a broken tool manifest fails CI early.
log "dotnet tool restore"
dotnet tool restore >/dev/null
log "dotnet test"
set +e
dotnet test JasKnowledge.sln --logger "console;verbosity=normal" "$@" 2>&1 | tee "$work/test.log"
status=${PIPESTATUS[0]}
# A model change without its migration fails the run, for each engine, as `dotnet ef` itself sees it
# (the MigrationsUpToDate tests check the same in-process).
for engine in Sqlite PostgreSql; do
  if ! dotnet ef migrations has-pending-model-changes --no-build --project "src/JasKnowledge.Migrations.$engine" >"$work/ef-$engine.log" 2>&1; then
    echo "pending model changes without a migration ($engine): run ./migrations-add.sh NAME"; cat "$work/ef-$engine.log"; status=1
  fi
done
set -e

# One closing line for CI, summed over the test projects.
count() { grep -Eo "^ +$1: +[0-9]+" "$work/test.log" | awk '{s+=$2} END {print s+0}' || true; }
passed=$(count Passed)
failed=$(count Failed)
skipped=$(count Skipped)
# CI shows only the end of the log: name each failed test there with the first lines of its message.
if [ "$failed" != 0 ]; then
  echo "failed tests:"
  grep -E -A 6 "^ +Failed [A-Za-z]" "$work/test.log" | cut -c 1-400 | head -n 120 || true
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
if [ "$passed" = 0 ]; then echo "no test ran" >&2; status=1; fi
exit "$status"
