#!/usr/bin/env bash
# Soak: 2,000 signals/s for 10 minutes with detection active (faults injected along the way); the projection lag p99
# must stay within 2 s and the live heap after GC must stay flat. Usage: drills/soak.sh [rate] [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
source drills/common.sh
RATE=${1:-2000}
MINUTES=${2:-10}
DATA=$(mktemp -d /tmp/dialtone-drill-soak-XXXX)
echo "data: $DATA"
drill_build
drill_start "$DATA"
drill_java dev.dialtone.bench.sim.TrafficSimulator url="$DRILL_URL" key="$DRILL_KEY" agents=100 rate="$RATE" \
  seconds=$((MINUTES * 60 + 30)) clients=8 \
  faults="outage@60+120:0-2,drop15@120+300:3-5,transfer-fail@200+200:6,silence@300+200:7" >"$DATA/sim.log" 2>&1 &
SIM=$!
# a full collection before each look, so the live heap measured is what is really retained (G1 otherwise leaves old
# garbage in place until its next concurrent cycle)
( while kill -0 "$(cat "$DATA/app.pid")" 2>/dev/null; do sleep 30; jcmd "$(cat "$DATA/app.pid")" GC.run >/dev/null 2>&1; done ) &
GC_LOOP=$!
set +e
drill_java dev.dialtone.bench.drill.Watch url="$DRILL_URL" minutes="$MINUTES" every=30 warmup=60 maxLagSeconds=2 \
  maxGrowth=0.25
WATCH=$?
wait $SIM
SIM_EXIT=$?
kill $GC_LOOP 2>/dev/null
set -e
tail -3 "$DATA/sim.log"
drill_stop "$DATA"
[ $WATCH -eq 0 ] && [ $SIM_EXIT -eq 0 ]
