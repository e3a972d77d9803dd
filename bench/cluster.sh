#!/usr/bin/env bash
# Two nodes behind nginx (issue 8): the published portal started twice at once on one PostgreSQL 15
# database and one Azurite blob store (both throwaway, in the work folder), nginx in front as a
# reverse proxy with keep-alive to both. wrk sends a mix taken from the running portal: about 70%
# pages from the sitemap, 20% searches (page and API), 10% downloads under 5 MB. Prints requests/s,
# latency, errors by kind and how many requests each node served; exits non-zero on any error.
# Loopback only; about two minutes. Installs wrk, nginx-light and postgresql (Debian) and azurite
# (npm, in .tools) when missing.
# Usage: bench/cluster.sh [seconds=60] [connections=32]
source "$(dirname "$0")/lib.sh"
seconds=${1:-60}
connections=${2:-32}
need wrk nginx-light
publish_portal

echo "Starting PostgreSQL, Azurite and two nodes…"
start_postgres
start_azurite
a_port=$(free_port); b_port=$(free_port "$a_port")
t=$(now_ms)
# Both at once: the start-up lock in the database lets one migrate and import while the other waits.
start_node node-a "$a_port"
start_node node-b "$b_port"
wait_for_node node-a "$a_port"
wait_for_node node-b "$b_port"
ready_ms=$(( $(now_ms) - t ))

# nginx as the reverse proxy; the access log (upstream, status, path) is only there to count what
# each node served and to name the paths of failed requests.
nginx_port=$(free_port "$a_port" "$b_port")
mkdir -p "$work/tmp"
cat > "$work/nginx.conf" <<CONF
worker_processes 2;
daemon off;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp; uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  log_format upstreams '\$status|\$upstream_addr|\$upstream_status|\$request_uri';
  upstream portal {
    server 127.0.0.1:$a_port;
    server 127.0.0.1:$b_port;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$http_host;
      proxy_next_upstream error timeout;
      access_log $work/upstreams.log upstreams;
    }
  }
}
CONF
nginx -c "$work/nginx.conf" &
nginx_pid=$!
until (exec 3<>"/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null; do sleep 0.05; done
proxy="http://127.0.0.1:$nginx_port"

echo "Collecting pages, searches and downloads from the portal…"
curl -sf "$proxy/sitemap.xml" -o "$work/sitemap.xml"
curl -sf "$proxy/api/v1/downloads" -o "$work/downloads.json"
python3 - "$work/sitemap.xml" "$work/downloads.json" > "$work/urls.txt" <<'PY'
import collections, json, re, sys, urllib.parse
def spread(groups, n, first=0):
    """n items of a dict of lists: a share for each group in turn (from the first'th), then evenly
    spaced within each group's sorted list, each group starting at another point of its list."""
    keys = sorted(groups)
    keys = keys[first % len(keys):] + keys[:first % len(keys)]
    share = dict.fromkeys(keys, 0)
    while sum(share.values()) < n:
        for k in keys:
            if share[k] < len(groups[k]) and sum(share.values()) < n: share[k] += 1
    picks = {}
    for j, k in enumerate(keys):
        items = sorted(groups[k])
        start = j * len(items) // len(keys)
        picks[k] = [items[(start + int((i + 0.5) * len(items) / share[k])) % len(items)] for i in range(share[k])]
    return picks

# Pages: the ones bench/pages.sh measures (/nl/gemeenten is not in the sitemap), then a sample of the
# sitemap spread over its sections (home, handbook, information, video, downloads, municipalities…)
# and within each section over the languages, the first language moving on from section to section.
fixed = ["/nl", "/nl/handboek/sessie-1-nederland-en-jij", "/ar/video/het-gesprek", "/nl/gemeenten"]
paths = [re.sub(r"^https?://[^/]+", "", u) for u in re.findall(r"<loc>([^<]+)</loc>", open(sys.argv[1]).read())]
sections = collections.defaultdict(list)
for p in paths:
    if p not in fixed: sections[(p.split("/") + [""] * 3)[2]].append(p)
pages, turn = list(fixed), 0
for section, chosen in spread(sections, min(50 - len(fixed), sum(map(len, sections.values())))).items():
    languages = collections.defaultdict(list)
    for p in sections[section]: languages[p.split("/")[1]].append(p)
    for picks in spread(languages, len(chosen), turn).values(): pages += picks
    turn += len(chosen)
for p in pages: print("page", p)
# Searches: the search page and the API, Dutch words from the handbook and one Arabic word.
for culture, word in [("nl", "gesprek"), ("nl", "werk"), ("nl", "taal"), ("nl", "inburgering"), ("ar", "التأمين")]:
    q = urllib.parse.quote(word)
    print("search", f"/{culture}/zoeken?q={q}")
    print("search", f"/api/v1/search?q={q}&lang={culture}")
# Downloads: the latest version of every file under 5 MB (handbook PDF, information sheets, videos…).
for d in json.load(open(sys.argv[2])):
    if d["latest"]["size"] < 5 * 1048576: print("download", d["latest"]["url"])
PY
# Every path answers before the load starts: a 404 here would be the bench's mistake, not the portal's.
while read -r kind path; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$proxy$path")
  if [ "$code" -lt 200 ] || [ "$code" -ge 400 ]; then echo "$kind $path answers $code" >&2; exit 1; fi
done < "$work/urls.txt"
mix=$(awk '{n[$1]++} END {printf "%d pages, %d searches, %d downloads", n["page"], n["search"], n["download"]}' "$work/urls.txt")
echo "Both nodes ready ${ready_ms} ms after starting them at once; paths: $mix."

# cpu_ticks PID…: user + system clock ticks of these processes and their children (nginx's workers,
# PostgreSQL's backends) so far.
cpu_ticks() {
  local total=0 pid f
  for pid in "$@" $(pgrep -P "$(IFS=,; echo "$*")"); do
    read -r -a f < <(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$(( total + f[11] + f[12] ))
  done
  echo "$total"
}
postmaster=$(head -n 1 "$work/pg/postmaster.pid")
processes=("${node_pid[node-a]}" "${node_pid[node-b]}" "$postmaster" "$azurite_pid" "$nginx_pid")

echo "Warming up (2 s), then wrk -t2 -c$connections -d${seconds}s through nginx…"
wrk -t2 -c"$connections" -d2s -s bench/cluster.lua "$proxy" -- "$work/urls.txt" >/dev/null
before=(); for pid in "${processes[@]}"; do before+=("$(cpu_ticks "$pid")"); done

: > "$work/upstreams.log"   # count the measured run only (nginx appends, unbuffered)
wrk -t2 -c"$connections" -d"${seconds}s" -s bench/cluster.lua "$proxy" -- "$work/urls.txt" | tee "$work/wrk.txt"
cpu=""; i=0
for name in "node A" "node B" PostgreSQL Azurite nginx; do
  cpu+="${cpu:+, }$name $(awk -v t=$(( $(cpu_ticks "${processes[$i]}") - before[i] )) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }') s"
  i=$((i + 1))
done
sleep 0.5   # requests wrk left in flight reach the log

value() { awk -F': ' -v k="$1" '$1 == k { print $2 }' "$work/wrk.txt"; }
# The node that answered: the last address when nginx retried on the other one; 499 = wrk went away.
served() { awk -F'|' -v a="127.0.0.1:$1" '$1 != 499 { n = split($2, u, ", "); if (u[n] == a) c++ } END { print c + 0 }' "$work/upstreams.log"; }
retried=$(awk -F'|' 'index($2, ",") { c++ } END { print c + 0 }' "$work/upstreams.log")
errors=$(value errors)
for node in node-a node-b; do
  if ! kill -0 "${node_pid[$node]}" 2>/dev/null; then echo "$node stopped during the run" >&2; errors=$((errors + 1)); fi
done
echo
echo "Two nodes behind nginx, PostgreSQL 15 + Azurite, wrk -t2 -c$connections -d${seconds}s, loopback," \
  "$(nproc) cores; mix of $mix (70/20/10 by weight)."
echo
echo "| requests/s | p50 | p95 | p99 | requests | node A | node B | retried | errors connect/read/write/timeout/status |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---|"
echo "| $(value requests/s) | $(value 'latency p50') | $(value 'latency p95') | $(value 'latency p99') | $(value requests) |" \
  "$(served "$a_port") | $(served "$b_port") | $retried |" \
  "$(value 'errors connect')/$(value 'errors read')/$(value 'errors write')/$(value 'errors timeout')/$(value 'errors status') |"
echo
echo "CPU time during the run ($(( seconds * $(nproc) )) core-seconds available; the rest went to wrk and the system): $cpu."

if [ "$errors" != 0 ]; then
  echo
  echo "Errors. Failed requests by status and path (nginx):" >&2
  awk -F'|' '$1 >= 400 && $1 != 499 { print $1, $3, $4 }' "$work/upstreams.log" | sort | uniq -c | sort -rn | head -20 >&2
  echo "nginx error log:" >&2; tail -n 20 "$work/nginx-error.log" >&2
  for node in node-a node-b; do
    echo "$node warnings and errors:" >&2
    grep -E '"LogLevel":"(Warning|Error|Critical)"' "$work/$node.log" | tail -n 10 >&2 || true
  done
  exit 1
fi
