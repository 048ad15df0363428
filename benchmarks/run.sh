#!/usr/bin/env bash
# Builds Airlock and runs every benchmark: read-call overhead beside the OpenTelemetry agent, held and dry-run
# calls, the engine, JVM start and memory. Writes benchmarks/target/results/results.md and prints it.
#
#   benchmarks/run.sh                 the full run (about 12 minutes on 2 cores)
#   benchmarks/run.sh --quick         one short round of everything, to check the set-up (about 3 minutes)
#   benchmarks/run.sh --only=read,startup    some sections: read, guarded, engine, startup, memory
#
# JAVA (default: java on the PATH) runs the benchmarks and every JVM they fork.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
java="${JAVA:-java}"

mvn -B -q package -DskipTests -pl benchmarks -am

rm -rf benchmarks/target/run
exec "$java" \
  -Dbench.agentJar="$root/instrumentation-agent/target/airlock-agent.jar" \
  -Dbench.otelJar="$root/benchmarks/target/agents/opentelemetry-javaagent.jar" \
  -Dbench.out="$root/benchmarks/target/run" \
  -jar benchmarks/target/benchmarks.jar "$@"
