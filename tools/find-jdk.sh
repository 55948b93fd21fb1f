# Sourced by ./lade and ./test: sets LADE_JAVA_HOME to a JDK >= 21, or explains what to install.
# Order: $JAVA_HOME, the java on PATH, then /usr/lib/jvm/* (newest first).
lade_jdk_major() { # prints the feature version of the JDK at $1
  local rel="$1/release" v
  [ -x "$1/bin/javac" ] || return 1
  if [ -f "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
  else
    v=$("$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  fi
  [ -n "$v" ] && echo "$v"
}
lade_find_jdk() {
  local c v
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for c in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${c%/}"); done
  for c in "${candidates[@]}"; do
    v=$(lade_jdk_major "$c" 2>/dev/null) || continue
    if [ "${v:-0}" -ge 21 ]; then LADE_JAVA_HOME="$c"; return 0; fi
  done
  echo "lade: no JDK 21 or newer found (looked at JAVA_HOME, PATH and /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+, or set JAVA_HOME" >&2
  return 1
}
