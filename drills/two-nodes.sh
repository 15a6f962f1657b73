#!/usr/bin/env bash
# Drill (c): two Dialtone nodes on one external PostgreSQL (Debian's postgresql package, installed and started here)
# and one shared MongoDB-wire server. Mid-escalation, the node owning the escalation saga's segment is killed with
# kill -9; the other must take over its segments and timers within 30 s, and nobody is paged twice.
# Needs root (apt-get, pg_ctlcluster). Usage: drills/two-nodes.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source drills/common.sh
DATA=$(mktemp -d /tmp/dialtone-drill-two-nodes-XXXX)
echo "data: $DATA"
apt-get install -y -q postgresql >/dev/null
PG_VERSION=$(ls /etc/postgresql | sort -n | tail -1)
pg_ctlcluster "$PG_VERSION" main start 2>/dev/null || true
PG_PORT=$(pg_conftool -s "$PG_VERSION" main show port 2>/dev/null || echo 5432)
DB=dialtone_drill_$$
su postgres -c "psql -q -p $PG_PORT -c \"CREATE ROLE dialtone LOGIN PASSWORD 'dialtone'\"" 2>/dev/null || true
su postgres -c "psql -q -p $PG_PORT -c \"CREATE DATABASE $DB OWNER dialtone\""
JDBC="jdbc:postgresql://localhost:$PG_PORT/$DB"
drill_build
drill_java dev.dialtone.bench.drill.StandaloneMongo port=27718 >"$DATA/mongo.log" 2>&1 &
MONGO=$!
COMMON=(--spring.datasource.url="$JDBC" --spring.datasource.username=dialtone --spring.datasource.password=dialtone
        --dialtone.mongodb.uri=mongodb://127.0.0.1:27718)
mkdir -p "$DATA/a" "$DATA/b"
DRILL_PORT=18081 DRILL_URL=http://localhost:18081 drill_start "$DATA/a" "${COMMON[@]}" --dialtone.node-id=a
DRILL_PORT=18082 DRILL_URL=http://localhost:18082 drill_start "$DATA/b" "${COMMON[@]}" --dialtone.node-id=b
set +e
drill_java dev.dialtone.bench.drill.TwoNodeDrill \
  "nodes=a|http://localhost:18081|$(cat "$DATA/a/app.pid"),b|http://localhost:18082|$(cat "$DATA/b/app.pid")" \
  jdbc="$JDBC" user=dialtone password=dialtone key="$DRILL_KEY" ackTimeout=20
RESULT=$?
set -e
drill_stop "$DATA/a"; drill_stop "$DATA/b"; kill $MONGO 2>/dev/null || true
su postgres -c "psql -q -p $PG_PORT -c \"DROP DATABASE $DB\"" || true
exit $RESULT
