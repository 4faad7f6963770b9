#!/usr/bin/env bash
# The headless commands on big designs (Benchmarks/README.md, "the commands at 10,000"): wall
# time (median of RUNS) and peak memory of `hops check`, `trace --requests 100`, `export --to
# k8s`, `export --to meshery`, and `import` of what each export wrote, at 1,000, 2,000 and
# 10,000 components. Uses the designs `scale-table.sh` writes to /tmp/hops-scale (run it once
# first). Run from the package root after `swift build -c release --product hops`. By hand only.
#   Benchmarks/commands-table.sh [RUNS]     (default 3)
set -uo pipefail
runs=${1:-3}
out=/tmp/hops-scale
hops=$(pwd)/.build/release/hops
work=$out/commands
mkdir -p "$work"

time_of() { # command... → "median wall s / peak MB" (exit status ignored: check exits 2 on findings)
    local walls=() peak=0
    for _ in $(seq "$runs"); do
        /usr/bin/time -o "$work/time" -f "%e %M" "$@" >/dev/null 2>&1
        read -r wall kb < <(tail -1 "$work/time")
        walls+=("$wall"); (( kb > peak )) && peak=$kb
    done
    echo "$(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") s / $(( peak / 1024 )) MB"
}

echo "| design | check | trace x100 | export k8s | export meshery | import k8s | import meshery |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for kind in flat imported random; do
    for n in 1000 2000 10000; do
        f=$out/$kind-$n.hops.json
        [ -f "$f" ] || { echo "missing $f: run Benchmarks/scale-table.sh first" >&2; exit 1; }
        "$hops" export --to k8s "$f" -o "$work/k8s.yaml" 2>/dev/null
        "$hops" export --to meshery "$f" -o "$work/meshery.json" 2>/dev/null
        # (A Meshery export of 10,000 components is over the 32 MB Hops reads from one file.)
        meshery_import=$(time_of "$hops" import "$work/meshery.json" -o "$work/back.hops.json")
        [ "$(stat -c %s "$work/meshery.json")" -gt $(( 32 * 1024 * 1024 )) ] && meshery_import="over 32 MB"
        echo "| $kind $n | $(time_of "$hops" check "$f") | $(time_of "$hops" trace "$f" --requests 100)" \
             "| $(time_of "$hops" export --to k8s "$f" -o "$work/k8s.yaml")" \
             "| $(time_of "$hops" export --to meshery "$f" -o "$work/meshery.json")" \
             "| $(time_of "$hops" import "$work/k8s.yaml" -o "$work/back.hops.json") | $meshery_import |"
    done
done
