#!/usr/bin/env bash
# Transfer: lade next to skopeo on one loopback registry (docker-registry, plain HTTP): push of a
# 5-layer image of random data (500 MB by default) from an OCI layout, pull into a store/layout,
# and a registry-to-registry copy between repositories. Wall time and peak RSS (/usr/bin/time -v).
# Needs docker-registry, skopeo, python3. LAYERS and LAYER_MB override the image size.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./lade --version >/dev/null   # builds lade if needed
tmp=$(mktemp -d); port=$((20000 + RANDOM % 20000)); host=127.0.0.1:$port
cleanup() { [ -n "${registry_pid:-}" ] && kill "$registry_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cat > "$tmp/config.yml" <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $tmp/registry}, delete: {enabled: true}}
http: {addr: $host}
YML
docker-registry serve "$tmp/config.yml" >"$tmp/registry.log" 2>&1 & registry_pid=$!
for _ in $(seq 50); do curl -sf "http://$host/v2/" >/dev/null && break; sleep 0.1; done
python3 bench/make-layout.py "$tmp/src" img "${LAYERS:-5}" "${LAYER_MB:-100}"

# measure NAME COMMAND...: appends "NAME seconds rss_kb" to $tmp/results
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
  echo "$name $wall $rss" >> "$tmp/results"
}
sk=(skopeo copy -q --src-tls-verify=false --dest-tls-verify=false)
measure "push:skopeo" "${sk[@]}" "oci:$tmp/src:img" "docker://$host/skopeo/img:1"
measure "push:lade"   ./lade copy -q "oci:$tmp/src:img" "docker://$host/lade/img:1"
measure "pull:skopeo" "${sk[@]}" "docker://$host/skopeo/img:1" "oci:$tmp/skopeo-pulled:img"
measure "pull:lade"   ./lade --root "$tmp/lade-store" pull -q "$host/lade/img:1"
measure "copy:skopeo" "${sk[@]}" "docker://$host/skopeo/img:1" "docker://$host/skopeo-copy/img:1"
measure "copy:lade"   ./lade copy -q "docker://$host/lade/img:1" "docker://$host/lade-copy/img:1"

echo "| operation | skopeo s | lade s | time ratio | skopeo RSS MB | lade RSS MB | RSS ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for op in push pull copy; do
  read -r _ st sr < <(grep "^$op:skopeo " "$tmp/results")
  read -r _ lt lr < <(grep "^$op:lade " "$tmp/results")
  awk -v op="$op" -v st="$st" -v lt="$lt" -v sr="$sr" -v lr="$lr" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.2f× | %.0f | %.0f | %.2f× |\n", op, st, lt, lt/st, sr/1024, lr/1024, lr/sr }'
done
