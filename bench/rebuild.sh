#!/usr/bin/env bash
# Rebuild: a no-op rebuild of a 10-step Dockerfile, `lade build` next to `docker build` (BuildKit in a
# private dockerd 20.10, /usr/bin/docker, --network host), both on the same busybox base, in one
# hyperfine run (wall time plus user/system CPU, since a loaded machine stretches wall time).
# Then a 3-stage build whose first two stages are independent: lade's plain progress, each line
# stamped as it arrives, shows whether those two stages overlap in time.
# Needs hyperfine, python3, docker.io (dockerd, /usr/bin/docker) and a static /bin/busybox; run as root.
# RUNS overrides the number of timed runs; COPY_MB the size of each of the 3-stage build's inputs.
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

# Ten steps: COPY, ENV, LABEL, WORKDIR and the other metadata instructions (RUN is not wired into lade build yet).
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
if ! ./lade build --progress quiet -t bench-rebuild:1 "$ctx" >/dev/null 2>"$tmp/lade-err"; then
  if grep -q "not supported yet" "$tmp/lade-err"; then
    # This checkout's lade build cannot COPY yet: the same ten steps with metadata instructions instead.
    echo "note: $(head -n 1 "$tmp/lade-err"); COPY steps replaced by EXPOSE, STOPSIGNAL, ENTRYPOINT" >&2
    sed -i -e 's|^COPY f1.txt ./|EXPOSE 8080/tcp|' -e 's|^COPY f2.txt.*|STOPSIGNAL SIGTERM|' \
      -e 's|^COPY src/ ./src/|ENTRYPOINT ["/bin/sh"]|' "$ctx/Dockerfile"
    ./lade build --progress quiet -t bench-rebuild:1 "$ctx" >/dev/null
  else
    cat "$tmp/lade-err" >&2; exit 1
  fi
fi
/usr/bin/docker build -q --network host -t bench-rebuild:1 "$ctx" >/dev/null
echo "Dockerfile:"; sed 's/^/    /' "$ctx/Dockerfile"

hyperfine -N -w 3 -r "${RUNS:-20}" --export-json "$tmp/rebuild.json" \
  -n 'lade build (no-op)' "./lade build --progress quiet -t bench-rebuild:1 $ctx" \
  -n 'docker build (no-op)' "/usr/bin/docker build -q --network host -t bench-rebuild:1 $ctx" >&2
python3 - "$tmp/rebuild.json" <<'EOF'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
lade, docker = r["lade build (no-op)"], r["docker build (no-op)"]
print("| no-op rebuild | mean wall s | user s | system s |")
print("| --- | --- | --- | --- |")
for name, x in (("lade build", lade), ("docker build", docker)):
    print(f"| {name} | {x['mean']:.3f} ± {x['stddev']:.3f} | {x['user']:.3f} | {x['system']:.3f} |")
print(f"| lade / docker | {lade['mean'] / docker['mean']:.2f}× | | |")
EOF

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
if ! ./lade build --progress plain -t bench-multi:1 "$multi" 2>&1 | stamp > "$tmp/multi.log"; then
  echo "3-stage build: lade could not build it on this checkout:" >&2; grep -m1 "ERROR" "$tmp/multi.log" >&2 || true
  exit 0
fi
echo
echo "3-stage build (lade --progress plain, arrival times in seconds):"
sed 's/^/    /' "$tmp/multi.log"
python3 - "$tmp/multi.log" <<'EOF'
import re, sys
stage_of, span = {}, {}
for line in open(sys.argv[1]):
    t, _, rest = line.partition(" ")
    t = float(t)
    m = re.match(r"#(\d+) \[(\w+) \d+/\d+\]", rest)
    if m:
        stage_of[m.group(1)] = m.group(2)
    m = re.match(r"#(\d+) ", rest)
    if m and m.group(1) in stage_of:
        s = span.setdefault(stage_of[m.group(1)], [t, t])
        s[0], s[1] = min(s[0], t), max(s[1], t)
if "a" not in span or "b" not in span:
    sys.exit("stages a and b not found in the progress")
(a0, a1), (b0, b1) = span["a"], span["b"]
overlap = min(a1, b1) - max(a0, b0)
print(f"stage a: {a0:.3f}..{a1:.3f}, stage b: {b0:.3f}..{b1:.3f}: "
      + (f"they overlap for {overlap:.3f} s" if overlap > 0 else f"no overlap (gap {-overlap:.3f} s)"))
EOF
