#!/usr/bin/env bash
# Drill (a): kill -9 Dialtone while 5,000 signals/s arrive, restart it, and check that every signal it acknowledged
# before the crash is in the event store (counted one by one from the simulator's ledger) and that no incident was
# opened twice. Usage: drills/kill9-under-load.sh [rate] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
source drills/common.sh
RATE=${1:-5000}
SECONDS_TOTAL=${2:-90}
DATA=$(mktemp -d /tmp/dialtone-drill-kill9-XXXX)
echo "data: $DATA"
drill_build
drill_start "$DATA"
drill_java dev.dialtone.bench.sim.TrafficSimulator url="$DRILL_URL" key="$DRILL_KEY" agents=50 rate="$RATE" \
  seconds="$SECONDS_TOTAL" clients=8 ledger="$DATA/ledger.txt" faults="outage@15+40:0-4" &
SIM=$!
sleep 30
echo ">>> kill -9 at $(date -u +%T) after $(wc -l <"$DATA/ledger.txt") acknowledged signals"
drill_kill9 "$DATA"
sleep 2
drill_start "$DATA"
echo ">>> restarted at $(date -u +%T)"
wait $SIM || echo "simulator exit code $? (connection errors while the server was down are expected)"
sleep 5
set +e
drill_ledger_check "$DATA"
RESULT=$?
set -e
drill_stop "$DATA"
exit $RESULT
