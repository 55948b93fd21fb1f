#!/usr/bin/env bash
# Start-up: wall time of `./lade --version` next to a bare JVM "hello world" on the same JDK,
# in one hyperfine run. Needs hyperfine (apt-get install hyperfine).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./lade --version >/dev/null   # builds lade and its start-up cache if needed
. tools/find-jdk.sh; lade_find_jdk
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("lade"); } }\n' > "$tmp/Hello.java"
"$LADE_JAVA_HOME/bin/javac" -d "$tmp" "$tmp/Hello.java"
hyperfine -N -w 3 -r "${RUNS:-30}" --export-markdown "$tmp/startup.md" \
  -n 'lade --version' './lade --version' \
  -n 'bare JVM hello' "$LADE_JAVA_HOME/bin/java -XX:+UseSerialGC -cp $tmp Hello"
cat "$tmp/startup.md"
