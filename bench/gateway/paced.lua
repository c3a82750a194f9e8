-- wrk pacing: each connection waits WRK_PAUSE_MS (default 20) between its requests, so N connections offer about
-- N * 1000 / (pause + latency) requests per second: a near-fixed rate whichever variant answers, instead of a closed
-- loop whose rate (and so CPU per request: batching on the event loops) follows the variant's speed.
local pause = tonumber(os.getenv("WRK_PAUSE_MS") or "20")
function delay()
  return pause
end
