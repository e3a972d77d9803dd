#!/usr/bin/env bash
# Two builds of the portal side by side (issue 18): the working tree against an earlier commit, each
# on its own index of the same synthetic documents, both running at once and measured in turns with
# wrk (-t2 -c16) on searches never asked before (bench/search-first.lua). Reported per turn: requests/s
# and the portal's CPU milliseconds per request (from /proc), which a busy shared machine disturbs far
# less than requests/s. Usage: bench/search-compare.sh REV [documents=10000] [turns=5] [seconds=8]
# (about five minutes at 10,000 documents; loopback only; installs wrk when missing)
source "$(dirname "$0")/lib.sh"
need wrk bc
rev="$1"; documents="${2:-10000}"; turns="${3:-5}"; seconds="${4:-8}"
git worktree add --detach "$work/old" "$rev" -q
trap 'git worktree remove --force "$work/old"; cleanup' EXIT
ln -s "$PWD/.tools" "$work/old/.tools" 2>/dev/null || true

# Each build makes its own index (the index format may differ between them) from the same documents.
declare -A dll data
for side in old new; do
  tree=$([ "$side" = old ] && echo "$work/old" || echo "$PWD")
  dotnet build -c Release -v q -nologo "$tree/src/JasKnowledge.Web" >/dev/null
  dotnet build -c Release -v q -nologo "$tree/bench/SearchBench" >/dev/null
  dll[$side]="$tree/src/JasKnowledge.Web/bin/Release/net10.0/JasKnowledge.Web.dll"
  data[$side]=$(JAS_BENCH_KEEP=1 dotnet "$tree/bench/SearchBench/bin/Release/net10.0/SearchBench.dll" \
    "${dll[$side]}" "$PWD/content" "$documents" 1 0 | sed -n 's/^Kept //p')
done
trap 'git worktree remove --force "$work/old"; rm -rf "${data[old]}" "${data[new]}"; cleanup' EXIT

declare -A port pid
content="$PWD/content"
# Both ports before either portal listens, and never the same one twice.
port[old]=$(free_port)
port[new]=$(free_port "${port[old]}")
for side in old new; do
  (cd "$(dirname "${dll[$side]}")" && Jas__DataDirectory="${data[$side]}" Jas__ContentDirectory="$content" \
    Urls="http://127.0.0.1:${port[$side]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    exec dotnet "${dll[$side]}" >"${data[$side]}/portal-compare.log" 2>&1) &
  pid[$side]=$! # the portal itself: the subshell execs it
  pids+=("${pid[$side]}")
done
for side in old new; do
  until curl -sf "http://127.0.0.1:${port[$side]}/health/ready" >/dev/null; do
    kill -0 "${pid[$side]}" 2>/dev/null || { echo "The $side portal stopped:" >&2; tail -20 "${data[$side]}/portal-compare.log" >&2; exit 1; }
    sleep 1
  done
done
sleep 15 # the portals' own work after start-up (hot code compiled again, first background rounds)

url() { echo "http://127.0.0.1:${port[$1]}/api/v1/search?q=gesprek"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/${pid[$1]}/stat"; }
for side in old new; do wrk -t2 -c16 -d10s -s bench/search-first.lua "$(url $side)" >/dev/null; done # warm-up
echo "| turn | build | requests/s | CPU ms per request | p99 |"
echo "|---:|---|---:|---:|---:|"
for turn in $(seq 1 "$turns"); do
  for side in old new; do
    before=$(cpu_ticks $side)
    out=$(wrk -t2 -c16 -d"${seconds}s" --latency -s bench/search-first.lua "$(url $side)")
    after=$(cpu_ticks $side)
    requests=$(echo "$out" | grep -o '[0-9]* requests in' | cut -d' ' -f1)
    rate=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
    label=$([ "$side" = old ] && echo "$rev" || echo "working tree")
    echo "| $turn | $label | $rate | $(printf '%.2f' "$(echo "scale=4; ($after - $before) * 1000 / $(getconf CLK_TCK) / $requests" | bc)") | $p99 |"
  done
done
