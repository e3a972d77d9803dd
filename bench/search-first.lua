-- wrk script for bench/SearchBench: every request asks a search the portal has not answered yet on
-- this index (the same hits as `gesprek`, made new by excluding a word that exists nowhere), so the
-- portal's memory of recent answers never helps. Each wrk thread numbers its own requests.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  count = 0
end
function request()
  count = count + 1
  return wrk.format("GET", "/api/v1/search?q=gesprek%20-nergens" .. id .. "x" .. count)
end
