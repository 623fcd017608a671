-- wrk script for bench/queue/run: per-request latency timed inside Lua, plus status checks.
--
--   wrk -t N -c N -d 10s -s timed_get.lua URL -- PATH COOKIE
--
-- Sends GET PATH (e.g. /api/v1/queue?view=open&page_size=50) with the session cookie, over and
-- over; 2xx expected. Timing, histogram and the RESULT line are the same as in
-- bench/http/timed_requests.lua (read its header for why wrk's own histogram is not used):
-- the clock is read in request() and in response(), one connection per wrk thread (-t N -c N).
--
-- done() prints one line: "RESULT req_s=.. p50_ms=.. p99_ms=.. n=.. ok=.. non2xx=.. sockerr=..
-- secs=..". The figures are valid only when non2xx and sockerr are 0.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } spoc_timespec;
  int clock_gettime(int clk_id, spoc_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local ts = ffi.new("spoc_timespec")
local function now_us()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, ts)
  return tonumber(ts.tv_sec) * 1e6 + tonumber(ts.tv_nsec) / 1e3
end

-- [main state] -------------------------------------------------------------------------------
local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

-- [thread state] -----------------------------------------------------------------------------
local hist = {}          -- whole microseconds -> number of responses
ok, non2xx = 0, 0        -- globals: done() reads them with thread:get()
local requests = {}      -- ready-made request strings, cycled through
local next_request = 1
local started = nil      -- clock at the last request() of this thread's single connection

function init(args)
  local path, cookie = args[1], args[2]
  assert(path and cookie, "pass the path and the session cookie after --")
  requests[1] = wrk.format("GET", path, { ["Cookie"] = "spoc_session=" .. cookie })
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  started = now_us()
  return r
end

function response(status, headers, body)
  if started then
    local us = math.floor(now_us() - started)
    hist[us] = (hist[us] or 0) + 1
    started = nil
  end
  if status >= 200 and status < 300 then ok = ok + 1 else non2xx = non2xx + 1 end
end

setmetatable(_G, { __index = function(_, key)
  if key ~= "hist" then return nil end
  local parts = {}
  for us, count in pairs(hist) do parts[#parts + 1] = us .. ":" .. count end
  return table.concat(parts, ",")
end })

-- [main state] -------------------------------------------------------------------------------
function done(summary, latency, requests)
  local merged, total_ok, total_bad = {}, 0, 0
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_bad = total_bad + t:get("non2xx")
    for us, count in string.gmatch(t:get("hist"), "(%d+):(%d+)") do
      us, count = tonumber(us), tonumber(count)
      merged[us] = (merged[us] or 0) + count
    end
  end
  local values, n = {}, 0
  for us, count in pairs(merged) do values[#values + 1] = us; n = n + count end
  table.sort(values)
  local function percentile(p)  -- smallest sample with at least p% of the samples at or below it
    if n == 0 then return 0 / 0 end
    local rank, seen = math.max(1, math.ceil(n * p / 100)), 0
    for _, us in ipairs(values) do
      seen = seen + merged[us]
      if seen >= rank then return us end
    end
  end
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format("RESULT req_s=%.1f p50_ms=%.3f p99_ms=%.3f n=%d ok=%d non2xx=%d sockerr=%d secs=%.2f\n",
                         (total_ok + total_bad) / secs, percentile(50) / 1000, percentile(99) / 1000, n,
                         total_ok, total_bad, e.connect + e.read + e.write + e.timeout, secs))
end
