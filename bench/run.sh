#!/usr/bin/env bash
# Container start-up: `lade run --rm IMAGE true` end to end, next to `docker run --rm --network none`
# (a private dockerd 20.10 with runc) and `podman run --rm --network none` when podman is installed,
# on the same busybox-static image (imported into each from one rootfs tar), with hyperfine.
# Needs: root, docker.io (dockerd at /usr/sbin/dockerd, client /usr/bin/docker), busybox-static,
# hyperfine; podman optional (apt-get install podman, for this benchmark only).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
RUNS=${RUNS:-20}; WARMUP=${WARMUP:-3}
./lade --version >/dev/null   # builds lade if needed
tmp=$(mktemp -d /var/tmp/lade-bench-run.XXXXXX)
dpid=""
cleanup() {
  if [ -n "$dpid" ]; then kill "$dpid" 2>/dev/null || true; for _ in $(seq 50); do kill -0 "$dpid" 2>/dev/null || break; sleep 0.2; done; fi
  umount -R "$tmp/docker/root" 2>/dev/null || true
  if command -v podman >/dev/null; then podman --root "$tmp/podman" --runroot "$tmp/podman-run" rmi -af >/dev/null 2>&1 || true; fi
  umount -R "$tmp/podman" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

mkdir -p "$tmp/rootfs/bin" "$tmp/rootfs/etc"
cp /bin/busybox "$tmp/rootfs/bin/"
for applet in sh true; do ln -s busybox "$tmp/rootfs/bin/$applet"; done
echo 'root:x:0:0:root:/root:/bin/sh' > "$tmp/rootfs/etc/passwd"
tar -C "$tmp/rootfs" -cf "$tmp/rootfs.tar" .

./lade --root "$tmp/store" import "$tmp/rootfs.tar" bench-run:1 >/dev/null

D=$tmp/docker; mkdir -p "$D"
/usr/sbin/dockerd --bridge=none --iptables=false --host "unix://$D/docker.sock" --data-root "$D/root" \
  --exec-root "$D/exec" --pidfile "$D/pid" >"$D/log" 2>&1 &
dpid=$!
export DOCKER_HOST="unix://$D/docker.sock"
for _ in $(seq 100); do /usr/bin/docker info >/dev/null 2>&1 && break; sleep 0.2; done
/usr/bin/docker import "$tmp/rootfs.tar" bench-run:1 >/dev/null

commands=(-n lade "./lade --root $tmp/store run --rm bench-run:1 true"
          -n docker "/usr/bin/docker run --rm --network none bench-run:1 true")
if command -v podman >/dev/null; then
  P="podman --root $tmp/podman --runroot $tmp/podman-run --cgroup-manager cgroupfs --events-backend none"
  $P import "$tmp/rootfs.tar" bench-run:1 >/dev/null
  # podman always sets RLIMIT_NOFILE and RLIMIT_NPROC, which needs CAP_SYS_RESOURCE; it is measured only where
  # one run works.
  if err=$($P run --rm --network none bench-run:1 true 2>&1); then
    commands+=(-n podman "$P run --rm --network none bench-run:1 true")
  else
    echo "podman left out: $err" >&2
  fi
fi
hyperfine -N --warmup "$WARMUP" --runs "$RUNS" --export-markdown "$tmp/result.md" "${commands[@]}" >&2
cat "$tmp/result.md"
