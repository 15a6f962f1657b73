# Shared by the drills: build once, start and stop a Dialtone process, run the bench tools.
# Source it from a drill script; it expects to be run from the repository root.

DRILL_PORT=${DRILL_PORT:-18080}
DRILL_KEY=${DRILL_KEY:-drill-operator-key-0000000000000001}
DRILL_URL="http://localhost:${DRILL_PORT}"

drill_build() {
  if [ -z "${DRILL_SKIP_BUILD:-}" ]; then ./mvnw -q -B -DskipTests install; fi
  ./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/drill.classpath >/dev/null
  BENCH_CP="bench/target/classes:$(cat bench/target/drill.classpath)"
}

# drill_start <data dir> [extra args...]: starts Dialtone on DRILL_PORT, waits until it is ready
drill_start() {
  local data=$1; shift
  java -Xmx2g -Daxoniq.update-checker.disabled=true -jar api/target/dialtone-exec.jar \
    --server.port="$DRILL_PORT" --dialtone.data-dir="$data" \
    "--dialtone.api-keys[0].key=$DRILL_KEY" "--dialtone.api-keys[0].tenant=drill" \
    "--dialtone.api-keys[0].role=operator" "$@" >>"$data/app.log" 2>&1 &
  echo $! >"$data/app.pid"
  for _ in $(seq 1 120); do
    if curl -fs "$DRILL_URL/actuator/health/readiness" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "Dialtone did not become ready; see $data/app.log" >&2
  return 1
}

drill_kill9() {
  kill -9 "$(cat "$1/app.pid")"
}

drill_stop() {
  kill "$(cat "$1/app.pid")" 2>/dev/null || true
  wait "$(cat "$1/app.pid")" 2>/dev/null || true
}

# drill_java <main class> [args...]: a bench tool (simulator, ledger check, watch)
drill_java() {
  local main=$1; shift
  java -Xmx1g -cp "$BENCH_CP" "$main" "$@"
}

# drill_ledger_check <data dir>: every signal the simulator's ledger says was acknowledged is in the event store;
# its exit code is the check's
drill_ledger_check() {
  drill_java dev.dialtone.bench.drill.LedgerCheck dataDir="$1" ledger="$1/ledger.txt" tenant=drill \
    url="$DRILL_URL" key="$DRILL_KEY"
}
