-- wrk script of bench/cluster.sh: a mix of pages, searches and downloads, then one summary.
-- Usage: wrk -t2 -c32 -d60s -s bench/cluster.lua http://127.0.0.1:PORT -- URLS_FILE
-- URLS_FILE has one "kind path" a line, kind being page, search or download. Each request picks a
-- kind by weight, then one of its paths at random.

local weights = { { "page", 70 }, { "search", 20 }, { "download", 10 } }
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  paths = { page = {}, search = {}, download = {} }
  for line in io.lines(args[1]) do
    local kind, path = line:match("^(%a+) (%S+)$")
    if kind then table.insert(paths[kind], path) end
  end
  for _, w in ipairs(weights) do
    assert(#paths[w[1]] > 0, "no " .. w[1] .. " in " .. args[1])
  end
  math.randomseed(id)
  sent_page, sent_search, sent_download = 0, 0, 0
end

function request()
  local r, kind = math.random(100), nil
  for _, w in ipairs(weights) do
    r = r - w[2]
    if r <= 0 then kind = w[1]; break end
  end
  if kind == "page" then sent_page = sent_page + 1
  elseif kind == "search" then sent_search = sent_search + 1
  else sent_download = sent_download + 1 end
  local list = paths[kind]
  return wrk.format("GET", list[math.random(#list)])
end

-- Lines "name: value" (bench/cluster.sh reads them for its table); latency in milliseconds.
function done(summary, latency, requests)
  local sent = { page = 0, search = 0, download = 0 }
  for _, thread in ipairs(threads) do
    for kind in pairs(sent) do sent[kind] = sent[kind] + thread:get("sent_" .. kind) end
  end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("requests/s: %.1f\n", summary.requests / seconds))
  io.write(string.format("latency p50: %.2f ms\n", latency:percentile(50) / 1000))
  io.write(string.format("latency p95: %.2f ms\n", latency:percentile(95) / 1000))
  io.write(string.format("latency p99: %.2f ms\n", latency:percentile(99) / 1000))
  io.write(string.format("latency max: %.2f ms\n", latency.max / 1000))
  io.write(string.format("requests: %d\n", summary.requests))
  io.write(string.format("MB/s: %.1f\n", summary.bytes / seconds / 1048576))
  io.write(string.format("sent: %d pages, %d searches, %d downloads\n", sent.page, sent.search, sent.download))
  io.write(string.format("errors connect: %d\n", e.connect))
  io.write(string.format("errors read: %d\n", e.read))
  io.write(string.format("errors write: %d\n", e.write))
  io.write(string.format("errors timeout: %d\n", e.timeout))
  io.write(string.format("errors status: %d\n", e.status))
  io.write(string.format("errors: %d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
