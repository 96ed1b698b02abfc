#!/usr/bin/env bash
# The kernel's speed goals, measured as a user would, with the load generator on the same machine:
#   bench/kernel.sh [HOSTS]     (from the repository root; needs wrk, hey, nginx, python3, curl; HOSTS default 100000)
# 1. seeds a synthetic fleet of HOSTS hosts (bench/SeedFleet.java) and times the kernel's start until /readyz;
# 2. throughput at saturation (wrk -t2 -c64 -d15s) of GET /api/v1/controls and /api/v1/summary, beside nginx
#    serving the very same response bytes as a static file;
# 3. latency at 2,000 requests/s over 10 connections and at 5,000 requests/s over 50 (hey), kernel and nginx;
# 4. durable ingest: this machine's real report as it is (about 30 KB, most of it evidence), and cut to 10 KB (the
#    issue's size) by shortening evidence excerpts; each request a fresh report id and one of 5,000 host ids
./vigil audit --format json --output "$work/r.json" --fail-on never >/dev/null 2>&1 || true
python3 - "$work/r.json" "$work" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
r["report_id"] = "@RID@"; r["host"]["id"] = r["host"]["id"][:-4] + "@HID@"; r["host"]["hostname"] = "bench-@HID@"
open(sys.argv[2] + "/ingest-real.tmpl", "w").write(json.dumps(r))
def cut(n):
    c = json.loads(json.dumps(r))
    for f in c["findings"]:
        for e in f.get("evidence") or []:
            if isinstance(e.get("excerpt"), str):
                e["excerpt"] = e["excerpt"][:n]
    return json.dumps(c)
n = 4000
while n > 0 and len(cut(n)) > 10240:
    n -= 20
open(sys.argv[2] + "/ingest-10k.tmpl", "w").write(cut(n))
PY
for size in 10k real; do
  cat >"$work/ingest.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$work/ingest-$size.tmpl", "r"); local tmpl = f:read("*a"); f:close()
local n = 0
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  n = n + 1
  local rid = string.format("%08x-%04x-4%03x-8%03x-%012x", math.random(0, 0x7fffffff), math.random(0, 0xffff),
    math.random(0, 0xfff), math.random(0, 0xfff), math.random(0, 0xffffffff))
  local body = tmpl:gsub("@RID@", rid):gsub("@HID@", string.format("%04x", n % 5000))
  return wrk.format(nil, nil, nil, body)
end
LUA
  cpu0=$(awk '{print $14 + $15}' "/proc/$kpid/stat")
  wrk -t2 -c32 -d15s -s "$work/ingest.lua" -H "Authorization: Bearer $tok" "$base/api/v1/reports" >"$work/ingest.txt"
  cpu1=$(awk '{print $14 + $15}' "/proc/$kpid/stat")
  awk -v size="$size" -v bytes="$(stat -c %s "$work/ingest-$size.tmpl")" -v cpu=$((cpu1 - cpu0)) \
      '/Requests\/sec/{rps=$2} /Non-2xx/{bad=$5} /requests in/{n=$1} /Latency/{lat=$2 " avg"}
       END{printf "ingest %s (%d bytes): %.0f reports/s acknowledged after commit (%d requests, non-2xx %d), latency %s, kernel CPU %.0f us per report\n", size, bytes, rps, n, bad, lat, cpu * 10000 / n}' \
    "$work/ingest.txt"
done
printf 'kernel RSS at the end: %s\n' "$(rss "$kpid")"
