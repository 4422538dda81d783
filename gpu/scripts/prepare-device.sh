#!/usr/bin/env bash
# Prepares .device/ (git-ignored) for a GPU machine that has neither Java nor Maven: a jlinked JDK 25
# runtime (java.base, java.logging, java.xml, jdk.incubator.vector, jdk.management, jdk.zipfs for
# scanning the test jar; compressed, as a
# tarball), the built jars of every module, the gpu module's test classes as a jar and JUnit's
# console launcher. About 33 MB, under the 64 MiB a device run may carry. Then, on that machine:
#
#   gpu/scripts/h200-run.sh          (the device tool: carry [".device"])
#
# Usage: gpu/scripts/prepare-device.sh     (run from anywhere; uses ./mvnw and JDK 25's jlink)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$root/.device"
cd "$root"
junit_platform="1.14.1"   # the console launcher of junit.version 5.14.1 (root pom)

./mvnw -B -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -pl examples,gpu -am package
rm -rf "$out"
mkdir -p "$out/lib"
for m in tensor symbolic vector-cpu rng bindings gpu examples; do
    jar="$(ls "$m"/target/theano4j-"$m"-*.jar | grep -v -e '-sources' -e '-javadoc' -e '-tests' | head -n 1)"
    cp "$jar" "$out/lib/"
done
jdk="$(./mvnw -v 2>/dev/null | sed -n 's/^Java version: .*runtime: //p' | head -n 1)"   # the JDK 25 ./mvnw picked
[ -x "$jdk/bin/jlink" ] || { echo "prepare-device.sh: no jlink in '$jdk'" >&2; exit 2; }
"$jdk/bin/jar" --create --file "$out/lib/gpu-tests.jar" -C gpu/target/test-classes .
./mvnw -B -q -N org.apache.maven.plugins:maven-dependency-plugin:3.9.0:copy \
    -Dartifact="org.junit.platform:junit-platform-console-standalone:$junit_platform" -DoutputDirectory="$out/junit"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$jdk/bin/jlink" --add-modules java.base,java.logging,java.xml,jdk.incubator.vector,jdk.management,jdk.zipfs \
    --compress zip-6 --strip-debug --no-header-files --no-man-pages --output "$tmp/jrt"
tar -C "$tmp" -czf "$out/jrt.tgz" jrt
du -sh "$out"
echo "carry .device, then run gpu/scripts/h200-run.sh on the GPU machine"
