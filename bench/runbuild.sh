#!/usr/bin/env bash
# RUN build: a 20-step Dockerfile of RUN steps on an imported busybox base, built without cache by
# lade, by BuildKit (a private dockerd 20.10, Debian's docker.io) and by buildah (bud --layers,
# one layer per step as the others; with runc, as crun refuses this machine's hybrid cgroups), side
# by side with hyperfine; then CPU time per build (the client's with its children, and for BuildKit
# the daemon's: dockerd reaps the runc processes of its steps). Needs root, docker.io, buildah,
# busybox-static, hyperfine. RUNS overrides the number of timed runs (default 5).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./lade --version >/dev/null   # builds lade if needed
tmp=$(mktemp -d /tmp/runbench.XXXXXX)   # short: dockerd's socket path must fit in 108 bytes
cleanup() {
  [ -n "${dockerd_pid:-}" ] && kill "$dockerd_pid" 2>/dev/null && wait "$dockerd_pid" 2>/dev/null
  buildah --root "$tmp/buildah" --runroot "$tmp/buildah-run" rm -a >/dev/null 2>&1 || true
  buildah --root "$tmp/buildah" --runroot "$tmp/buildah-run" rmi -a -f >/dev/null 2>&1 || true
  awk -v t="$tmp/" 'index($5, t) == 1 {print $5}' /proc/self/mountinfo | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

# The base: busybox-static with its applets, as BusyboxRootfs writes it for the tests.
mkdir -p "$tmp/rootfs/bin" "$tmp/rootfs/etc" "$tmp/rootfs/tmp"
cp /bin/busybox "$tmp/rootfs/bin/"
for applet in sh ls cat echo mkdir rm cp ln sha256sum seq head wc; do ln -s busybox "$tmp/rootfs/bin/$applet"; done
printf 'root:x:0:0:root:/root:/bin/sh\n' > "$tmp/rootfs/etc/passwd"
printf 'root:x:0:\n' > "$tmp/rootfs/etc/group"
chmod 1777 "$tmp/rootfs/tmp"
tar -C "$tmp/rootfs" --numeric-owner -cf "$tmp/base.tar" .

mkdir "$tmp/context"
{
  echo "FROM runbench-base"
  for i in $(seq 1 20); do
    echo "RUN mkdir -p /work/$i && seq 1 2000 > /work/$i/numbers && sha256sum /work/$i/numbers > /work/$i/sum && rm -rf /tmp/*"
  done
} > "$tmp/context/Dockerfile"

export DOCKER_HOST="unix://$tmp/docker.sock" DOCKER_BUILDKIT=1
/usr/sbin/dockerd --bridge=none --iptables=false --ip6tables=false --host "$DOCKER_HOST" \
  --data-root "$tmp/docker" --exec-root "$tmp/docker-exec" --pidfile "$tmp/docker.pid" >"$tmp/dockerd.log" 2>&1 &
dockerd_pid=$!
for _ in $(seq 100); do /usr/bin/docker version >/dev/null 2>&1 && break; sleep 0.1; done
/usr/bin/docker import "$tmp/base.tar" runbench-base >/dev/null
/usr/bin/docker save -o "$tmp/base-docker.tar" runbench-base
bah=(buildah --root "$tmp/buildah" --runroot "$tmp/buildah-run")
"${bah[@]}" pull -q "docker-archive:$tmp/base-docker.tar" >/dev/null
./lade --root "$tmp/lade" import "$tmp/base.tar" runbench-base >/dev/null

echo "load average before: $(cut -d" " -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$tmp/results.json" \
  -n lade "./lade --root $tmp/lade build --no-cache --progress quiet -t runbench $tmp/context" \
  -n buildkit "/usr/bin/docker build --no-cache -q --network host -t runbench $tmp/context" \
  -n buildah "${bah[*]} bud --runtime /usr/sbin/runc --no-cache --layers -q --network host -t runbench $tmp/context" >&2

# CPU seconds of one build: user and system of the command and its children, plus what the daemons
# given in $daemons used meanwhile.
ticks() { local t=0 p; for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14+$15+$16+$17}' "/proc/$p/stat"))); done; echo "$t"; }
cpu() {
  local before after
  before=$(ticks $daemons)
  /usr/bin/time -f "%U %S" -o "$tmp/time" "$@" >/dev/null 2>&1
  after=$(ticks $daemons)
  awk -v d=$((after - before)) -v hz="$(getconf CLK_TCK)" '{printf "%.2f\n", $1 + $2 + d / hz}' "$tmp/time"
}
: > "$tmp/cpu"
for run in $(seq "${RUNS:-5}"); do
  daemons="" ; echo "lade $(cpu ./lade --root "$tmp/lade" build --no-cache --progress quiet -t runbench "$tmp/context")" >> "$tmp/cpu"
  daemons="$dockerd_pid $(pgrep -P "$dockerd_pid" | tr '\n' ' ')"
  echo "buildkit $(cpu /usr/bin/docker build --no-cache -q --network host -t runbench "$tmp/context")" >> "$tmp/cpu"
  daemons="" ; echo "buildah $(cpu "${bah[@]}" bud --runtime /usr/sbin/runc --no-cache --layers -q --network host -t runbench "$tmp/context")" >> "$tmp/cpu"
done

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$tmp/results.json" "$tmp/cpu" <<'PY'
import json, statistics, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
cpu = {}
for line in open(sys.argv[2]):
    name, seconds = line.split()
    cpu.setdefault(name, []).append(float(seconds))
lade = r["lade"]["median"]
lade_cpu = statistics.median(cpu["lade"])
print("| tool | median s | mean ± σ s | lade ratio | median CPU s | lade CPU ratio |")
print("| --- | --- | --- | --- | --- | --- |")
for name in ("lade", "buildkit", "buildah"):
    x = r[name]
    c = statistics.median(cpu[name])
    print(f"| {name} | {x['median']:.2f} | {x['mean']:.2f} ± {x['stddev']:.2f} | {lade / x['median']:.2f}× "
          f"| {c:.2f} | {lade_cpu / c:.2f}× |")
PY
