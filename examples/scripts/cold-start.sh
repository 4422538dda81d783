#!/usr/bin/env bash
# Cold start of the seed's train function in fresh JVMs, plain and with a JDK 25 AOT cache
# (JEP 483/514/515: classes loaded and linked, method profiles recorded by one training run).
# Usage: bash examples/scripts/cold-start.sh [runs]   (README, "Cold start")
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-3}
./mvnw -B -q -pl examples -am package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
java_home=$(./mvnw -B -q help:evaluate -Dexpression=java.home -DforceStdout 2>/dev/null | tail -1)
java=${JAVA_HOME:-$java_home}/bin/java
[ -x "$java" ] || java=$(ls -d /usr/lib/jvm/*25*/bin/java | head -1)
cp=$(ls {tensor,symbolic,vector-cpu,rng,gpu,bindings,examples}/target/theano4j-*-SNAPSHOT.jar | grep -v -e sources -e javadoc | paste -sd:)
flags=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp "$cp")
cache=target/cold-start.aot
mkdir -p target
"$java" -XX:AOTCacheOutput="$cache" -Xlog:aot=off "${flags[@]}" org.theano4j.examples.ColdStart >/dev/null 2>&1
for i in $(seq "$runs"); do
  echo "--- plain, run $i";     "$java" "${flags[@]}" org.theano4j.examples.ColdStart 2>/dev/null
  echo "--- AOT cache, run $i"; "$java" -XX:AOTCache="$cache" -Xlog:aot=off "${flags[@]}" org.theano4j.examples.ColdStart 2>/dev/null
done
