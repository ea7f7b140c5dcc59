-- wrk script for the decision service (docs/performance.md, "HTTP service"): POSTs one request file to
-- /v1/decisions (full detail, no ledger) and prints p50/p99 latency and decisions/s at the end.
-- Usage: wrk -t N -c N -d 20s -s scripts/wrk-decisions.lua http://127.0.0.1:8080 -- docs/examples/jiangsu-scc-cumulative.json
local body
function init(args)
  local f = assert(io.open(args[1] or "docs/examples/jiangsu-scc-cumulative.json", "rb"))
  body = f:read("*a")
  f:close()
end
request = function()
  return wrk.format("POST", "/v1/decisions", { ["Content-Type"] = "application/json" }, body)
end
done = function(summary, latency, requests)
  local non2xx = (summary.errors.status or 0)
  io.write(string.format("RESULT decisions/s=%.0f p50_ms=%.2f p99_ms=%.2f requests=%d non2xx=%d\n",
    (summary.requests - non2xx) / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.requests, non2xx))
end
