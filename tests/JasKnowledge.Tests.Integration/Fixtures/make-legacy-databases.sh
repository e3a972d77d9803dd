#!/usr/bin/env bash
# Makes the legacy databases that LegacyDatabaseUpgradeTests start from: a SQLite file and a PostgreSQL
# dump, each created by the portal as it was before its migrations came from `dotnet ef` (commit
# 7dd63e6, the last with the eight hand-written migrations), holding the shipped content, two accounts,
# their audit entries and the search outbox. Run it again only to remake them; the tests never do.
# Usage: tests/JasKnowledge.Tests.Integration/Fixtures/make-legacy-databases.sh
# Needs: git, the .NET SDK, sqlite3 and PostgreSQL's binaries (test.sh installs PostgreSQL).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(git -C "$here" rev-parse --show-toplevel)
legacy=${LEGACY_COMMIT:-7dd63e6}
work=$(mktemp -d -t jas-legacy-XXXXXX)
chmod 755 "$work"
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
run_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  set +e
  [ -f "$work/pg/postmaster.pid" ] && run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m fast stop >/dev/null 2>&1
  git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

echo "== building the portal at $legacy"
git -C "$root" worktree add --detach "$work/src" "$legacy" >/dev/null
dotnet build "$work/src/src/JasKnowledge.Web/JasKnowledge.Web.csproj" -c Release -o "$work/app" -v q -nologo >/dev/null
portal() { (cd "$work/app" && dotnet JasKnowledge.Web.dll "$@"); }

# What a running site holds: the shipped content (items, versions, files, audit entries), an
# administrator and a municipal editor (accounts, audit entries), and the search outbox.
fill() {
  portal import "$work/src/content"
  portal create-admin beheer@example.nl >/dev/null
  portal add-user redactie@gemeente.nl municipal-editor 0546 >/dev/null
  portal reindex
}
export Jas__PublicBaseUrl=http://localhost DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "== SQLite"
export Jas__DataDirectory="$work/sqlite"
fill
# One self-contained file, whatever the write-ahead log still held.
rm -f "$here/legacy.sqlite"
sqlite3 "$work/sqlite/jas.db" "VACUUM INTO '$here/legacy.sqlite'"

echo "== PostgreSQL"
mkdir -p "$work/pg"
# PostgreSQL's own user writes its data and log there.
[ "$(id -u)" = 0 ] && chown postgres "$work" "$work/pg"
port=$(( 20000 + RANDOM % 20000 ))
run_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $work" start >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres jas
export Jas__DataDirectory="$work/postgresql" Jas__Database__Provider=PostgreSQL
export ConnectionStrings__Jas="Host=127.0.0.1;Port=$port;Username=postgres;Database=jas"
fill
# Plain SQL, without owners and grants, so that it loads into any database of the test server.
"$pg_bin/pg_dump" -h 127.0.0.1 -p "$port" -U postgres --no-owner --no-privileges jas > "$here/legacy-postgresql.sql"
ls -l "$here"/legacy-*
