-- For bench/run.py: cycle through the paths in the file named by BENCH_PATHS (one a line), each
-- thread from its own place in the list, and report the latency percentiles wrk does not print
-- (p95) and the timeouts as one line that run.py reads.

local paths = nil
local file = os.getenv("BENCH_PATHS")
if file and file ~= "" then
  paths = {}
  for line in io.lines(file) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
end

local thread_count = 0
-- Each thread starts its own share of the list further on, so that threads cycling through
-- distinct searches do not ask the same one (and find it kept) while the list lasts.
local threads = tonumber(os.getenv("BENCH_THREADS") or "1")

function setup(thread)
  if paths then
    thread:set("offset", thread_count * math.floor(#paths / threads))
  else
    thread:set("offset", 0)
  end
  thread_count = thread_count + 1
end

local counter = 0

function init(args)
  counter = offset or 0
end

if paths then
  request = function()
    counter = counter + 1
    return wrk.format(nil, paths[(counter % #paths) + 1])
  end
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "BENCH requests=%d duration_us=%d p50_us=%d p95_us=%d p99_us=%d max_us=%d timeouts=%d status_errors=%d socket_errors=%d\n",
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.timeout, errors.status, errors.connect + errors.read + errors.write
  ))
end
