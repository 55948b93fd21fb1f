#!/usr/bin/env bash
# Rebuild: a no-op rebuild of a 10-step Dockerfile, `lade build` next to `docker build` (BuildKit in a
# private dockerd 20.10, /usr/bin/docker, --network host), both on the same busybox base, in one run:
# RUNS (default 10) runs each after 2 warm-ups, the tools taking turns to go first; medians of wall time
# and CPU time (user + system: lade's from /usr/bin/time; BuildKit's is dockerd's own, read from /proc,
# plus the docker client's, since the daemon does the work), and the load average before and after.
# Then a 3-stage build whose first two stages are independent, by both tools with plain progress, each
# line stamped as it arrives: whether those two stages overlap in time.
# Needs python3, docker.io (dockerd, /usr/bin/docker) and a static /bin/busybox; run as root.
# COPY_MB sets the size of each of the 3-stage build's inputs (default 64).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./lade --version >/dev/null   # builds lade and its start-up cache if needed
tmp=$(mktemp -d)
cleanup() {
  if [ -f "$tmp/d/pid" ]; then
    kill "$(cat "$tmp/d/pid")" 2>/dev/null || true
    for _ in $(seq 100); do [ -f "$tmp/d/pid" ] || break; sleep 0.1; done
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# A private dockerd, never the system one.
mkdir -p "$tmp/d"
dockerd --bridge=none --iptables=false --host "unix://$tmp/d/docker.sock" --data-root "$tmp/d/root" \
  --exec-root "$tmp/d/exec" --pidfile "$tmp/d/pid" >"$tmp/d/log" 2>&1 &
export DOCKER_HOST="unix://$tmp/d/docker.sock" DOCKER_BUILDKIT=1
for _ in $(seq 100); do /usr/bin/docker version >/dev/null 2>&1 && break; sleep 0.2; done
export LADE_ROOT="$tmp/lade-store"

# The same base image on both sides: a root filesystem of a static busybox.
mkdir -p "$tmp/rootfs/bin" && cp /bin/busybox "$tmp/rootfs/bin/" && ln -s busybox "$tmp/rootfs/bin/sh"
tar -C "$tmp/rootfs" -cf "$tmp/busybox.tar" .
/usr/bin/docker import "$tmp/busybox.tar" bench-busybox:latest >/dev/null
./lade import "$tmp/busybox.tar" bench-busybox:latest >/dev/null

# Ten steps: COPY, ENV, LABEL, WORKDIR and other metadata instructions, no RUN (whose no-op is a cache hit like COPY's).
ctx="$tmp/ctx"
mkdir -p "$ctx/src/lib"
for i in 1 2 3; do echo "file $i" > "$ctx/f$i.txt"; done
echo 'echo hello' > "$ctx/src/hello.sh"; echo lib > "$ctx/src/lib/a.txt"
cat > "$ctx/Dockerfile" <<'EOF'
FROM bench-busybox
ENV APP=/app PATH=/app/bin:$PATH
LABEL org.opencontainers.image.title="rebuild bench"
WORKDIR /app
COPY f1.txt ./
COPY f2.txt f3.txt ./data/
COPY src/ ./src/
ARG VERSION=1.0
LABEL version=$VERSION
USER 1000:1000
CMD ["sh", "-c", "echo $APP"]
EOF
./lade build --progress quiet -t bench-rebuild:1 "$ctx" >/dev/null
/usr/bin/docker build -q --network host -t bench-rebuild:1 "$ctx" >/dev/null
echo "Dockerfile:"; sed 's/^/    /' "$ctx/Dockerfile"

dpid=$(cat "$tmp/d/pid")
# dockerd's CPU seconds, with its children's (its own containerd)
daemon_cpu() { local t=0 p; for p in $dpid $(pgrep -P "$dpid" || true); do
  t=$(awk -v t="$t" '{ print t + ($14 + $15) / 100 }' "/proc/$p/stat"); done; echo "$t"; }
# one TOOL: appends "TOOL wall_s cpu_s" to $tmp/results
one() {
  local before
  case $1 in
    lade) /usr/bin/time -f '%e %U %S' -o "$tmp/time" ./lade build --progress quiet -t bench-rebuild:1 "$ctx" >/dev/null
          awk '{ print "lade", $1, $2 + $3 }' "$tmp/time" >> "$tmp/results" ;;
    docker) before=$(daemon_cpu)
          /usr/bin/time -f '%e %U %S' -o "$tmp/time" /usr/bin/docker build -q --network host -t bench-rebuild:1 "$ctx" >/dev/null
          awk -v d="$(daemon_cpu)" -v b="$before" '{ print "docker", $1, $2 + $3 + d - b }' "$tmp/time" >> "$tmp/results" ;;
  esac
}
runs=${RUNS:-10}
for _ in 1 2; do one lade; one docker; done; : > "$tmp/results"   # warm-ups
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$runs"); do
  if [ $((r % 2)) -eq 1 ]; then one lade; one docker; else one docker; one lade; fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
column() { awk -v k="$1" -v c="$2" '$1==k {print $c}' "$tmp/results" | median; }
echo
echo "No-op rebuild, $runs runs each (medians); load average (1/5/15 min) before: $load_before, after: $load_after"
echo
echo "| tool | wall s | CPU s | wall min–max s |"
echo "| --- | --- | --- | --- |"
for t in lade docker; do
  awk -v t="$t" -v w="$(column "$t" 2)" -v c="$(column "$t" 3)" -v lo="$(awk -v k="$t" '$1==k {print $2}' "$tmp/results" | sort -n | head -1)" \
      -v hi="$(awk -v k="$t" '$1==k {print $2}' "$tmp/results" | sort -n | tail -1)" \
      'BEGIN { printf "| %s | %.2f | %.2f | %.2f–%.2f |\n", (t == "lade" ? "lade build" : "docker build (BuildKit)"), w, c, lo, hi }'
done
awk -v lw="$(column lade 2)" -v dw="$(column docker 2)" -v lc="$(column lade 3)" -v dc="$(column docker 3)" \
  'BEGIN { printf "\nlade/BuildKit: wall %.2f×, CPU %.2f× (below 1: lade is faster)\n", lw / dw, lc / dc }'
[ -z "${KEEP_RESULTS:-}" ] || cp "$tmp/results" "$KEEP_RESULTS"

# Three stages: a and b are independent (each COPYs its own input), the last takes from both.
multi="$tmp/multi"
mkdir -p "$multi/a" "$multi/b"
head -c "$(( ${COPY_MB:-64} * 1048576 ))" /dev/urandom > "$multi/a/data"
head -c "$(( ${COPY_MB:-64} * 1048576 ))" /dev/urandom > "$multi/b/data"
cat > "$multi/Dockerfile" <<'EOF'
FROM bench-busybox AS a
COPY a/ /a/
LABEL stage=a

FROM bench-busybox AS b
COPY b/ /b/
LABEL stage=b

FROM bench-busybox
COPY --from=a /a /a
COPY --from=b /b /b
EOF
stamp() { python3 -u -c 'import sys, time
for line in sys.stdin: print(f"{time.monotonic():.3f} {line}", end="", flush=True)'; }
# overlap TOOL LOG: when the two stages' own steps (not their FROM) were in progress, and for how long both were;
# a step runs from its first line (or its DONE line less the duration it reports) to its DONE line
overlap() { python3 - "$1" "$2" <<'PY'
import re, sys
tool, log = sys.argv[1], sys.argv[2]
stage_of, span = {}, {}
for line in open(log):
    t, _, rest = line.partition(" ")
    t = float(t)
    m = re.match(r"#(\d+) \[(\w+) \d+/\d+\] (\w+)", rest)
    if m and m.group(3) != "FROM":
        stage_of[m.group(1)] = m.group(2)
    m = re.match(r"#(\d+) (?:DONE ([\d.]+)s)?", rest)
    if m and m.group(1) in stage_of:
        # A step's DONE line gives its duration: BuildKit's client prints steps in batches, late.
        begun = t - float(m.group(2)) if m.group(2) else t
        s = span.setdefault(stage_of[m.group(1)], [begun, t])
        s[0], s[1] = min(s[0], begun), max(s[1], t)
if "a" not in span or "b" not in span:
    sys.exit(f"{tool}: stages a and b not found in the progress")
(a0, a1), (b0, b1) = span["a"], span["b"]
both = min(a1, b1) - max(a0, b0)
start = min(a0, b0)
print(f"{tool}: stage a's steps {a0 - start:.2f}–{a1 - start:.2f} s, stage b's {b0 - start:.2f}–{b1 - start:.2f} s: "
      + (f"in progress together for {both:.2f} s" if both > 0 else f"one after the other (gap {-both:.2f} s)"))
PY
}
echo
echo "3-stage build, stages a and b independent (plain progress, each line stamped as it arrives):"
if ./lade build --no-cache --progress plain -t bench-multi:1 "$multi" 2>&1 | stamp > "$tmp/multi-lade.log"; then
  overlap lade "$tmp/multi-lade.log"
else
  echo "lade could not build it: $(grep -m1 ERROR "$tmp/multi-lade.log")"
fi
/usr/bin/docker build --no-cache --progress plain --network host -t bench-multi:1 "$multi" 2>&1 | stamp > "$tmp/multi-docker.log"
overlap "docker build (BuildKit)" "$tmp/multi-docker.log"
[ -z "${KEEP_RESULTS:-}" ] || cp "$tmp/multi-lade.log" "$tmp/multi-docker.log" "$(dirname "$KEEP_RESULTS")/"
