#!/usr/bin/env bash
# Pluchino, Rapisarda and Garofalo's (2010) protocol on the built-in `peter` scenario: the four
# promotion strategies under both hypotheses, on the same initial configurations (seeds 1..C), for
# Y years; prints each cell's efficiency gain (mean of the years after the transient minus year 0)
# with its spread over configurations. The numbers are compared with the paper in docs/validation.md.
#
#   scripts/peter-protocol.sh [CONFIGURATIONS=50] [YEARS=1000] [TRANSIENT=100] [WORKERS=1]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the launcher builds the command-line jar when it is missing or older than the sources
"$root/officialdom" scenarios > /dev/null
exec java ${JAVA_OPTS:-} -cp "$root/cli/target/officialdom.jar" "$root/scripts/PeterProtocol.java" "$@"
