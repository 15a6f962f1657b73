#!/usr/bin/env bash
# Drill (e): a x10 spike for 60 s on top of a steady load. Nothing acknowledged may be lost, and every refusal must be
# a 503 (or 429) with Retry-After, never another 5xx: the simulator exits non-zero on any other 5xx and resends
# refused batches after Retry-After. Usage: drills/spike.sh [base rate]
set -euo pipefail
cd "$(dirname "$0")/.."
source drills/common.sh
RATE=${1:-2000}
DATA=$(mktemp -d /tmp/dialtone-drill-spike-XXXX)
echo "data: $DATA"
drill_build
drill_start "$DATA"
set +e
drill_java dev.dialtone.bench.sim.TrafficSimulator url="$DRILL_URL" key="$DRILL_KEY" agents=50 rate="$RATE" \
  seconds=120 clients=16 ledger="$DATA/ledger.txt" faults="spike10@30+60:all"
SIM_EXIT=$?
set -e
sleep 5
set +e
drill_ledger_check "$DATA"
CHECK=$?
set -e
curl -s "$DRILL_URL/actuator/prometheus" | grep -E '^dialtone_(http_refused|http_unexpected_errors)' || true
drill_stop "$DATA"
[ $SIM_EXIT -eq 0 ] && [ $CHECK -eq 0 ]
