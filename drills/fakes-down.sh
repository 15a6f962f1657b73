#!/usr/bin/env bash
# Drill (d): PagerDuty and Slack unreachable for 5 minutes while incidents open, are acknowledged and resolved;
# afterwards everything is delivered, in the order it was decided, once. Usage: drills/fakes-down.sh [minutes]
set -euo pipefail
cd "$(dirname "$0")/.."
source drills/common.sh
MINUTES=${1:-5}
FAKES=18099
DATA=$(mktemp -d /tmp/dialtone-drill-fakes-down-XXXX)
echo "data: $DATA"
drill_build
drill_start "$DATA" --dialtone.pagerduty.events-url=http://127.0.0.1:$FAKES/v2/enqueue \
  --dialtone.slack.api-url=http://127.0.0.1:$FAKES/api/ --dialtone.slack.bot-token=xoxb-drill \
  --dialtone.slack.tenant=drill
set +e
drill_java dev.dialtone.bench.drill.FakesDownDrill url="$DRILL_URL" key="$DRILL_KEY" port=$FAKES \
  downMinutes="$MINUTES" incidents=3
RESULT=$?
set -e
drill_stop "$DATA"
exit $RESULT
