#!/usr/bin/env bash
# Runs JMH benchmarks and prints each result as a ratio to the baseline measured in the same run.
# Usage: benchmarks/run.sh [JMH regex] [extra JMH args...]   e.g. benchmarks/run.sh Hashing
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q package -pl engine,benchmarks -am -DskipTests
out=benchmarks/target/jmh-result.json
java -jar benchmarks/target/benchmarks.jar "${1:-.*}" "${@:2}" -rf json -rff "$out"
java -cp benchmarks/target/benchmarks.jar io.jenkins.plugins.securedeploy.benchmarks.RatioReport "$out"
