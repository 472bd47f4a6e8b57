#!/usr/bin/env bash
# Builds the registry and starts it on its embedded default (H2 file in ./data) with the example
# users, on port 8080 (or $SERVER_PORT). Usage: deploy/run-embedded.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ "${1:-}" != "--skip-build" ]]; then
  ./mvnw -B -q -DskipTests install
fi

export AXONIQ_UPDATE_CHECKER_DISABLED=true
export REGISTRY_USERS_FILE="${REGISTRY_USERS_FILE:-deploy/users.example.yml}"
export REGISTRY_DATA_DIR="${REGISTRY_DATA_DIR:-./data}"
exec java ${JAVA_OPTS:-} -jar registry-api/target/registry-api-0.1.0-SNAPSHOT.jar
