#!/usr/bin/env bash
# Transfer: lade next to skopeo on one loopback registry (docker-registry, plain HTTP), in one run:
# push of a 5-layer image of random data (500 MB by default) from an OCI layout, pull into a
# store/layout, a registry-to-registry copy between repositories of that registry (every blob mounted)
# and one to a second registry (every byte moved: "copy2"). Each operation runs RUNS
# times (default 5), skopeo and lade alternating which goes first; the table shows medians of wall
# time, CPU time (user + system) and peak RSS (/usr/bin/time), and the load average before and
# after: on a shared machine CPU time is the steadier measure. KEEP_RESULTS=FILE keeps the raw
# numbers. The registries' own CPU time during each command is measured too (they hash and write
# every pushed byte), and curl moving the same blobs in parallel, with no checks at all (POST and
# one PUT per blob; GET into files), shows what any client could reach against them. Then, for the
# "whatever the layer size" claim, peak RSS of one push and one pull of a single BIG_MB layer
# (default 1000; 0 skips it).
# Needs docker-registry, skopeo, python3. LAYERS and LAYER_MB override the image size.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
./lade --version >/dev/null   # builds lade if needed
runs=${RUNS:-5}
tmp=$(mktemp -d); port=$((20000 + RANDOM % 20000)); host=127.0.0.1:$port; host2=127.0.0.1:$((port + 1))
registry_pids=()
cleanup() { for p in "${registry_pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$tmp"; }
trap cleanup EXIT
# registry NAME HOST: a docker-registry with its own storage, plain HTTP on HOST
registry() {
  cat > "$tmp/$1.yml" <<YML
version: 0.1
log: {level: error}
storage: {filesystem: {rootdirectory: $tmp/$1}, delete: {enabled: true}}
http: {addr: $2}
YML
  docker-registry serve "$tmp/$1.yml" >"$tmp/$1.log" 2>&1 & registry_pids+=($!)
  for _ in $(seq 50); do curl -sf "http://$2/v2/" >/dev/null && break; sleep 0.1; done
}
registry registry "$host"
registry registry2 "$host2"
python3 bench/make-layout.py "$tmp/src" img "${LAYERS:-5}" "${LAYER_MB:-100}"

# registries_cpu: CPU seconds (user + system) the registries have used so far
registries_cpu() {
  local ticks=0 p
  for p in "${registry_pids[@]}"; do ticks=$((ticks + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {print t / hz}'
}

# measure NAME COMMAND...: appends "NAME seconds rss_kb cpu_seconds registry_cpu_seconds" to $tmp/results
measure() {
  local name=$1; shift
  local before after
  before=$(registries_cpu)
  /usr/bin/time -v -o "$tmp/time" "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  after=$(registries_cpu)
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ {s+=$2} END {print s}' "$tmp/time")
  echo "$name $wall $rss $cpu $(awk -v a="$before" -v b="$after" 'BEGIN {print b - a}')" >> "$tmp/results"
}

# curl_push HOST REPO: every blob of the layout in parallel, one POST and one streamed PUT each
curl_push() {
  local f pids=()
  for f in "$tmp"/src/blobs/sha256/*; do
    ( loc=$(curl -sf -X POST -D - -o /dev/null "http://$1/v2/$2/blobs/uploads/" | tr -d '\r' |
        awk -F': ' 'tolower($1) == "location" {print $2}')
      case $loc in http*) ;; *) loc="http://$1$loc" ;; esac
      curl -sf -o /dev/null -T "$f" -H 'Content-Type: application/octet-stream' "$loc&digest=sha256:${f##*/}" ) &
    pids+=($!)
  done
  for f in "${pids[@]}"; do wait "$f"; done
}
# curl_pull HOST REPO DIR: every blob of the layout in parallel into DIR, unchecked
curl_pull() {
  local f pids=()
  mkdir -p "$3"
  for f in "$tmp"/src/blobs/sha256/*; do curl -sf -o "$3/${f##*/}" "http://$1/v2/$2/blobs/sha256:${f##*/}" & pids+=($!); done
  for f in "${pids[@]}"; do wait "$f"; done
}
export -f curl_push curl_pull
# skopeo, run as root, remembers where blobs are in /var/lib/containers/cache and mounts them from
# there: every later push of the same image would be mount-only. A rootless-looking skopeo keeps its
# cache under XDG_DATA_HOME instead, one per run, so each run pushes every byte (and copy mounts
# from the run's own push, as lade's copy mounts from its source repository).
skopeo_in() { sk=(env _CONTAINERS_ROOTLESS_UID=65534 XDG_DATA_HOME="$tmp/skopeo-cache-$1"
  skopeo copy -q --src-tls-verify=false --dest-tls-verify=false); }

# one OP TOOL RUN: a fresh destination every run, so nothing is skipped as already there
one() {
  local op=$1 tool=$2 r=$3
  skopeo_in "$r"
  case "$op:$tool" in
    push:skopeo) measure "$op:$tool" "${sk[@]}" "oci:$tmp/src:img" "docker://$host/skopeo-$r/img:1" ;;
    push:lade)   measure "$op:$tool" ./lade copy -q "oci:$tmp/src:img" "docker://$host/lade-$r/img:1" ;;
    pull:skopeo) rm -rf "$tmp/pulled"; measure "$op:$tool" "${sk[@]}" "docker://$host/skopeo-$r/img:1" "oci:$tmp/pulled:img" ;;
    pull:lade)   rm -rf "$tmp/store"; measure "$op:$tool" ./lade --root "$tmp/store" pull -q "$host/lade-$r/img:1" ;;
    copy:skopeo) measure "$op:$tool" "${sk[@]}" "docker://$host/skopeo-$r/img:1" "docker://$host/skopeo-copy-$r/img:1" ;;
    copy:lade)   measure "$op:$tool" ./lade copy -q "docker://$host/lade-$r/img:1" "docker://$host/lade-copy-$r/img:1" ;;
    copy2:skopeo) measure "$op:$tool" "${sk[@]}" "docker://$host/skopeo-$r/img:1" "docker://$host2/skopeo-$r/img:1" ;;
    copy2:lade)  measure "$op:$tool" ./lade copy -q "docker://$host/lade-$r/img:1" "docker://$host2/lade-$r/img:1" ;;
    push:curl)   measure "$op:$tool" bash -c "tmp=$tmp; curl_push $host curl-$r/img" ;;
    pull:curl)   rm -rf "$tmp/curled"; measure "$op:$tool" bash -c "tmp=$tmp; curl_pull $host curl-$r/img $tmp/curled" ;;
  esac
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for r in $(seq "$runs"); do
  for op in push pull copy copy2; do
    if [ $((r % 2)) -eq 1 ]; then one "$op" skopeo "$r"; one "$op" lade "$r"
    else one "$op" lade "$r"; one "$op" skopeo "$r"; fi
    case $op in push|pull) one "$op" curl "$r" ;; esac
  done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
column() { awk -v k="$1" -v c="$2" '$1==k {print $c}' "$tmp/results" | median; }
echo "$runs runs each; load average (1/5/15 min) before: $load_before, after: $load_after"
echo
echo "| operation | skopeo s | lade s | lade speed-up | skopeo CPU s | lade CPU s | CPU ratio skopeo/lade | skopeo RSS MB | lade RSS MB | registry CPU s (skopeo / lade) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for op in push pull copy copy2; do
  awk -v op="$op" -v st="$(column "$op:skopeo" 2)" -v lt="$(column "$op:lade" 2)" \
      -v sr="$(column "$op:skopeo" 3)" -v lr="$(column "$op:lade" 3)" \
      -v sc="$(column "$op:skopeo" 4)" -v lc="$(column "$op:lade" 4)" \
      -v sg="$(column "$op:skopeo" 5)" -v lg="$(column "$op:lade" 5)" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.2f× | %.2f | %.2f | %.2f× | %.0f | %.0f | %.2f / %.2f |\n", op, st, lt, st/lt, sc, lc, sc/lc, sr/1024, lr/1024, sg, lg }'
done
echo
echo "curl, no checks (the ceiling): medians of wall s, curl CPU s, registry CPU s"
echo
echo "| operation | curl s | curl CPU s | registry CPU s |"
echo "| --- | --- | --- | --- |"
for op in push pull; do
  awk -v op="$op" -v t="$(column "$op:curl" 2)" -v c="$(column "$op:curl" 4)" -v g="$(column "$op:curl" 5)" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.2f |\n", op, t, c, g }'
done
[ -z "${KEEP_RESULTS:-}" ] || cp "$tmp/results" "$KEEP_RESULTS"

big=${BIG_MB:-1000}
if [ "$big" -gt 0 ]; then
  python3 bench/make-layout.py "$tmp/big" img 1 "$big"
  skopeo_in big
  : > "$tmp/results"
  measure "push:skopeo" "${sk[@]}" "oci:$tmp/big:img" "docker://$host/skopeo-big/img:1"
  measure "push:lade" ./lade copy -q "oci:$tmp/big:img" "docker://$host/lade-big/img:1"
  rm -rf "$tmp/pulled" "$tmp/store"
  measure "pull:skopeo" "${sk[@]}" "docker://$host/skopeo-big/img:1" "oci:$tmp/pulled:img"
  measure "pull:lade" ./lade --root "$tmp/store" pull -q "$host/lade-big/img:1"
  echo
  echo "One layer of $big MB, one run: peak RSS MB (wall s)"
  echo
  echo "| operation | skopeo | lade |"
  echo "| --- | --- | --- |"
  for op in push pull; do
    read -r _ st sr _ < <(grep "^$op:skopeo " "$tmp/results")
    read -r _ lt lr _ < <(grep "^$op:lade " "$tmp/results")
    awk -v op="$op" -v st="$st" -v lt="$lt" -v sr="$sr" -v lr="$lr" 'BEGIN {
      printf "| %s | %.0f (%.2f s) | %.0f (%.2f s) |\n", op, sr/1024, st, lr/1024, lt }'
  done
fi
