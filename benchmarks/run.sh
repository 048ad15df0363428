#!/usr/bin/env bash
# Builds Airlock and runs every benchmark: read-call overhead beside the OpenTelemetry agent, held and dry-run
# calls, the engine, JVM start (two tool programs, SDK 2.35 and 2.57; no agent, an empty agent, Airlock, OTel) and
# memory. Writes benchmarks/target/results/results.md and prints it.
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
# The tool programs the JVM start section times, one per SDK release, each with that release's default HTTP client.
mvn -B -q -f benchmarks/tool/pom.xml -Dsdk.version=2.35.10 -Dhttp.client=apache-client package
mvn -B -q -f benchmarks/tool/pom.xml -Dsdk.version=2.57.8 -Dhttp.client=apache5-client package
tools="SDK 2.35.10 (Apache client)=$root/benchmarks/tool/target/sdk-2.35.10"
tools="$tools,SDK 2.57.8 (Apache 5 client)=$root/benchmarks/tool/target/sdk-2.57.8"

rm -rf benchmarks/target/run
exec "$java" \
  -Dbench.agentJar="$root/instrumentation-agent/target/airlock-agent.jar" \
  -Dbench.otelJar="$root/benchmarks/target/agents/opentelemetry-javaagent.jar" \
  -Dbench.out="$root/benchmarks/target/run" \
  -Dbench.tools="$tools" \
  -jar benchmarks/target/benchmarks.jar "$@"
