#!/usr/bin/env bash
# Drill (b): kill -9 in the middle of an escalation; the next level fires once after the restart. The integration
# test drives a child Dialtone JVM: level 1 is paged, the process is killed, the level-1 ack timeout falls due while
# it is down, and after the restart level 2 is paged exactly once (and level 1 not again); a second case kills it
# while a PagerDuty page is on the wire and checks the page goes out once more as the same alert.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests install
./mvnw -B -pl api verify -Dtest=LadderCrashIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "Tests run:|FAIL|BUILD"
