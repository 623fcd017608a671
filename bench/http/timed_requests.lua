-- wrk script for bench/http/run: per-request latency timed inside Lua, plus status checks.
--
--   wrk -t N -c N -d 10s -s timed_requests.lua URL -- post COOKIE CSRF ITEM_ID
--   wrk -t N -c N -d 10s -s timed_requests.lua URL -- get  COOKIE ID,ID,...
--
-- "post" creates valid "New laptop" requests (POST /api/v1/requests, 201 expected); "get" reads
-- GET /api/v1/requests/{id}, cycling through the ids given (each thread starts at its own offset).
--
-- Latency: a monotonic clock (clock_gettime through LuaJIT's FFI) is read in request(), which wrk
-- calls just before writing a request, and again in response(), called as soon as the response has
-- been parsed. Run with one connection per thread (-t N -c N): each thread's event loop then has a
-- single request in flight, so the interval belongs to exactly one request. wrk's own latency
-- histogram is not used (wrk 4.1 adds synthetic samples to it for coordinated omission).
--
-- Each thread keeps an exact histogram (microseconds -> count) in its own Lua state. done() runs in
-- a separate state and reads it with thread:get(). wrk 4.1 can only copy scalars safely between
-- states (its table copy pops the thread's stack twice), so the thread exposes its histogram as a
-- string, built on demand by an __index metamethod on its globals when done() asks for "hist".
--
-- done() prints one line: "RESULT req_s=.. p50_ms=.. p99_ms=.. n=.. ok=.. non2xx=.. sockerr=..
-- secs=..". ok counts 2xx responses, non2xx every other status; sockerr is wrk's connect + read +
-- write + timeout errors. The figures are valid only when non2xx and sockerr are 0.
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
  local mode, cookie, csrf, arg = args[1], args[2], args[3], args[4]
  assert(mode == "post" or mode == "get", "first argument after -- must be post or get")
  assert(cookie and csrf and arg, "pass post|get, the session cookie, the CSRF token and ITEM_ID|IDS")
  local headers = { ["Cookie"] = "spoc_session=" .. cookie }
  if mode == "post" then
    headers["Content-Type"] = "application/json"
    headers["X-CSRF-Token"] = csrf
    local body = '{"catalog_item_id":' .. arg .. ',"summary":"Benchmark laptop",' ..
                 '"description":"Created by bench/http/timed_requests.lua",' ..
                 '"values":{"reason":"replacement","old_asset_tag":"LT-12345","model":"standard_14",' ..
                 '"keyboard_layout":"uk","cost_centre":"CC-1234"}}'
    requests[1] = wrk.format("POST", "/api/v1/requests", headers, body)
  else
    for id in string.gmatch(arg, "%d+") do
      requests[#requests + 1] = wrk.format("GET", "/api/v1/requests/" .. id, headers)
    end
    assert(#requests > 0, "no request ids given")
    next_request = ((tid or 0) * 7) % #requests + 1  -- spread the threads over the ids
  end
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
  io.write(string.format("RESULT req_s=%.0f p50_ms=%.3f p99_ms=%.3f n=%d ok=%d non2xx=%d sockerr=%d secs=%.2f\n",
                         (total_ok + total_bad) / secs, percentile(50) / 1000, percentile(99) / 1000, n,
                         total_ok, total_bad, e.connect + e.read + e.write + e.timeout, secs))
end
