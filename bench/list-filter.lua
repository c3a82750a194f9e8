-- wrk script for bench/list-filter.sh: rotates over realistic contact list/filter requests and prints latency
-- percentiles. Each wrk thread starts at a different request so that the threads do not march in step.
local paths = {
  "/api/v1/contacts?limit=50",
  "/api/v1/contacts?owners=Owner%2007",
  "/api/v1/contacts?countries=DE&stages=quoted",
  "/api/v1/contacts?sources=trade_show&optedOut=false",
  "/api/v1/contacts?tagsAll=vip",
  "/api/v1/contacts?tagsAny=vip&tagsAny=distributor",
  "/api/v1/contacts?activity=high",
  "/api/v1/contacts?q=acme",
  "/api/v1/contacts?createdAfter=2026-01-01T00:00:00Z&owners=Owner%2003",
  "/api/v1/contacts?updatedAfter=2026-06-01T00:00:00Z",
}

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local counter = 0

function init(args)
  counter = (id or 0) * 3
  wrk.headers["Accept"] = "application/json"
  local key = os.getenv("CHATROI_API_KEY")
  if key ~= nil and key ~= "" then
    wrk.headers["Authorization"] = "Bearer " .. key
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write("\n")
  io.write(string.format("requests     %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("requests/s   %.1f\n", summary.requests / seconds))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%-2d          %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max          %.2f ms\n", latency.max / 1000))
  io.write(string.format("errors       connect %d, read %d, write %d, timeout %d, HTTP status >= 400: %d\n",
    e.connect, e.read, e.write, e.timeout, e.status))
end
