-- wrk script for bench/SearchBench: every request asks a search the portal has not answered yet on
-- this index (the same hits as `gesprek`, made new by excluding a word that exists nowhere), so the
-- portal's memory of recent answers never helps. Each wrk thread numbers its own requests; the run's
-- start second keeps a run from asking what the run before it (a warm-up of at least a second) asked:
-- the portal keeps an answer from a question's second asking, and a measured run repeating its
-- warm-up's questions spent a share of its requests on keeping answers.
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("id", threads)
end
function init(args)
  count = 0
  run = os.time()
end
function request()
  count = count + 1
  return wrk.format("GET", "/api/v1/search?q=gesprek%20-nergens" .. run .. "x" .. id .. "x" .. count)
end
