#!/usr/bin/env bash
# COPY speed: `COPY . /data/` of a context of 20k files (about 1 GB) into one layer, lade next to
# `docker build` (BuildKit in a private dockerd 20.10, --network host), alternating, cold caches
# (a fresh lade store and a pruned BuildKit cache each run). Wall time and peak RSS: lade's from
# /usr/bin/time -v; BuildKit's is dockerd's VmHWM (reset before each build) plus the docker client's.
# CPU seconds (user + system) too, since on a loaded machine wall time mostly measures the share of
# the cores a tool gets: lade's from time -v, BuildKit's as dockerd's own plus the client's.
# Needs: docker.io (dockerd 20.10 at /usr/sbin/dockerd, client /usr/bin/docker), root, python3.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
FILES=${FILES:-20000}; BYTES=${BYTES:-1000000000}; RUNS=${RUNS:-3}
./lade --version >/dev/null   # builds lade if needed
. tools/find-jdk.sh; lade_find_jdk
tmp=$(mktemp -d /var/tmp/lade-bench-copy.XXXXXX)
# A copy of the jar, so that editing the sources during a run cannot trigger a rebuild inside a
# timed build; run as ./lade runs it (serial GC, its JIT threshold), without its start-up cache
# (about 0.3 s).
cp -r cli/target/lade.jar cli/target/lib "$tmp/"

dpid=""
cleanup() {
  if [ -n "$dpid" ]; then kill "$dpid" 2>/dev/null || true; for _ in $(seq 50); do kill -0 "$dpid" 2>/dev/null || break; sleep 0.2; done; fi
  umount -R "$tmp/docker/root" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
# CONTEXT=DIR reuses a context made earlier by bench/make-context.py.
ctx=${CONTEXT:-$tmp/ctx}
[ -n "${CONTEXT:-}" ] || python3 bench/make-context.py "$ctx" "$FILES" "$BYTES"
bytes=$(du -sb --exclude=Dockerfile "$ctx" | cut -f1)
files=$(find "$ctx" -type f | wc -l)
echo "context: $files files, $bytes bytes" >&2

D=$tmp/docker; mkdir -p "$D"
/usr/sbin/dockerd --bridge=none --iptables=false --host "unix://$D/docker.sock" --data-root "$D/root" \
  --exec-root "$D/exec" --pidfile "$D/pid" >"$D/log" 2>&1 &
dpid=$!
export DOCKER_HOST="unix://$D/docker.sock" DOCKER_BUILDKIT=1
for _ in $(seq 100); do /usr/bin/docker info >/dev/null 2>&1 && break; sleep 0.2; done

field() { awk -v k="$1" 'index($0, k ": ") { sub(/^.*\): /, ""); print }' "$2"; }
seconds() { awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }'; }

cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; }   # utime + stime, in clock ticks of 1/100 s
user_sys() { echo "$(field 'User time (seconds)' "$1") + $(field 'System time (seconds)' "$1")" | bc; }

load() { cut -d' ' -f1 /proc/loadavg; }   # the 1-minute load average as a build ends

printf 'run\ttool\twall_s\tcpu_s\trss_mb\tload\n'
for run in $(seq "$RUNS"); do
  /usr/bin/docker builder prune -af >/dev/null; /usr/bin/docker image rm -f bench-copy >/dev/null 2>&1 || true
  sync; echo 5 > "/proc/$dpid/clear_refs"; before=$(cpu "$dpid")
  /usr/bin/time -v -o "$tmp/docker.time" /usr/bin/docker build --network host -q -t bench-copy "$ctx" >/dev/null
  hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$dpid/status")
  used=$(echo "$(cpu "$dpid") - $before + $(user_sys "$tmp/docker.time")" | bc)
  client=$(field 'Maximum resident set size (kbytes)' "$tmp/docker.time")
  wall=$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$tmp/docker.time" | seconds)
  printf '%s\tbuildkit\t%.2f\t%.1f\t%d\t%s\n' "$run" "$wall" "$used" $(( (hwm + client) / 1024 )) "$(load)"

  # lade's store keeps layers gzip-compressed (its default, as BuildKit's image exporter pushes
  # them); dockerd keeps uncompressed diffs, which --compression none matches.
  for compression in gzip none; do
    rm -rf "$tmp/store"; sync
    /usr/bin/time -v -o "$tmp/lade.time" "$LADE_JAVA_HOME/bin/java" -XX:+UseSerialGC -XX:CompileThresholdScaling=5 ${LADE_JAVA_OPTS:-} \
      -jar "$tmp/lade.jar" --root "$tmp/store" build --progress quiet --compression "$compression" \
      -t bench-copy "$ctx" >/dev/null
    wall=$(field 'Elapsed (wall clock) time (h:mm:ss or m:ss)' "$tmp/lade.time" | seconds)
    rss=$(field 'Maximum resident set size (kbytes)' "$tmp/lade.time")
    printf '%s\tlade-%s\t%.2f\t%.1f\t%d\t%s\n' "$run" "$compression" "$wall" "$(user_sys "$tmp/lade.time")" $(( rss / 1024 )) "$(load)"
  done
done
echo "throughput is $bytes bytes / wall time; load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
