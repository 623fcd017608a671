-- wrk script: POSTs valid "New laptop" requests (a durable create each) with the session cookie
-- and CSRF token of one sign-in done by bench/http/run. Prints creates/s counting only 201s.
-- Usage: wrk -c 32 -t 2 -d 10s -s create_requests.lua http://127.0.0.1:PORT -- COOKIE CSRF [ITEM_ID]
created = 0
failed = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local cookie, csrf, item = args[1], args[2], args[3] or "1"
  assert(cookie and csrf, "pass the session cookie and CSRF token after --")
  wrk.method = "POST"
  wrk.path = "/api/v1/requests"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = "spoc_session=" .. cookie
  wrk.headers["X-CSRF-Token"] = csrf
  wrk.body = '{"catalog_item_id":' .. item .. ',"summary":"Benchmark laptop",' ..
             '"description":"Created by bench/http/create_requests.lua",' ..
             '"values":{"reason":"replacement","old_asset_tag":"LT-12345","model":"standard_14",' ..
             '"keyboard_layout":"uk","cost_centre":"CC-1234"}}'
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else failed = failed + 1 end
end

function done(summary, latency, requests)
  local ok, bad = 0, 0
  for _, t in ipairs(threads) do
    ok = ok + t:get("created")
    bad = bad + t:get("failed")
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("creates/s: %.0f  (201: %d, other: %d, errors: %d, p50 %.2f ms, p99 %.2f ms)\n",
                         ok / seconds, ok, bad, summary.errors.connect + summary.errors.read +
                         summary.errors.write + summary.errors.timeout,
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
