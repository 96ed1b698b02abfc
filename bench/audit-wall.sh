#!/usr/bin/env bash
# Wall time and peak memory of a whole audit, JVM start included, as a user runs it:
#   bench/audit-wall.sh            (from the repository root; needs hyperfine and GNU time)
# Results go to docs/benchmarks.md with the machine they were measured on.
set -euo pipefail
cd "$(dirname "$0")/.."
./vigil --version >/dev/null   # build and write the AOT cache first, so the runs below are "already built"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(uname -sr), $(. /etc/os-release; echo "$PRETTY_NAME")"
echo "java: $(./vigil --version | tail -1)"
hyperfine -N --warmup 2 --runs 20 --export-markdown /dev/stdout \
  './vigil audit --format json --output /dev/null --fail-on never' \
  'env VIGIL_NO_AOT=1 ./vigil audit --format json --output /dev/null --fail-on never' \
  'apt list --upgradable'
for i in 1 2 3 4 5; do
  /usr/bin/time -f "%e s wall, %M KB peak RSS" ./vigil audit --format json --output /dev/null --fail-on never
done 2>&1 | sort -n | sed -n 3p | sed 's/^/median of 5: /'
