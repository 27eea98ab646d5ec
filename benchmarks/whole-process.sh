#!/usr/bin/env bash
# Whole-process figures, as CI starts them: `converge plan --format json` (and `affected`) on the
# import-heavy estate against a whole-process parse of the same files with snakeyaml-engine.
#
#   benchmarks/whole-process.sh [STACKS] [RUNS] [JAVA_OPTIONS...]
#
# Builds nothing: run `./mvnw -B -pl cli,benchmarks -am package -DskipTests` first. Generates the
# estate (ImportHeavyEstate, committed to git) in a temporary folder, then alternates the floor and
# each command RUNS times (default 5), and prints each run, the medians (wall seconds, peak resident
# MB) and the ratio of the medians. The floor is a plain `java` run of the parse (no options), as the
# targets define it; floor-tuned is the same parse with converge's JVM options, which make the parse
# itself faster: both ratios are printed. converge runs with the launcher's JVM options (the same
# file, cli/java-options.sh) and its class-data sharing archive (cli/target/converge.jsa); extra
# arguments go after those options, as CONVERGE_JAVA_OPTIONS do with the launcher (of an option given
# twice the JVM takes the last; another collector needs -XX:-UseParallelGC first).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
stacks="${1:-1000}"
runs="${2:-5}"
shift $(( $# < 2 ? $# : 2 ))
# shellcheck source=../cli/java-options.sh
source "$root/cli/java-options.sh"
set -- "${converge_java_options[@]}" "$@"
tuned=("$@") # the floor again with converge's options (no class-data archive: it is converge's)
if [ -f "$root/cli/target/converge.jsa" ]; then
  set -- -XX:SharedArchiveFile="$root/cli/target/converge.jsa" "$@"
fi
bench="$root/benchmarks/target/benchmarks.jar"
cli="$root/cli/target/converge.jar"
for jar in "$bench" "$cli"; do
  [ -f "$jar" ] || { echo "missing $jar: run ./mvnw -B -pl cli,benchmarks -am package -DskipTests" >&2; exit 2; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
estate="$work/estate"
java -cp "$bench" dev.converge.benchmarks.ImportHeavyEstate "$estate" "$stacks" >/dev/null
# a one-file change on top, for `affected --base HEAD~1`
sed -i 's/replicas: 1$/replicas: 7/' "$estate/stacks/orgs/t0/dev/ue1.yaml"
git -C "$estate" -c user.name=b -c user.email=b@example.com commit -qam "one-file change"
files=$(find "$estate/stacks" -name '*.yaml' | wc -l)
size=$(du -sh --exclude=.git "$estate" | cut -f1)
echo "estate: $stacks stacks, $(( stacks * 50 )) instances, $files stack files, $size; java: $(java -version 2>&1 | head -1); converge JVM options: $*"

# one measurement: wall seconds and peak resident MB of a command
measure() {
  local out="$work/time" start end
  start=$(date +%s%N)
  /usr/bin/time -f '%M' -o "$out" "$@" >"$work/stdout" 2>"$work/stderr" || {
    echo "failed: $*" >&2; cat "$work/stderr" >&2; exit 1; }
  end=$(date +%s%N)
  printf '%s %s\n' "$(echo "scale=3; ($end - $start) / 1000000000" | bc)" "$(( $(tail -1 "$out") / 1024 ))"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -A wall rss
kinds=(floor floor-tuned plan affected)
for ((r = 1; r <= runs; r++)); do
  for kind in "${kinds[@]}"; do
    case "$kind" in
      floor) line=$(measure java -cp "$bench" dev.converge.benchmarks.ParseFloor "$estate/stacks") ;;
      floor-tuned) line=$(measure java "${tuned[@]}" -cp "$bench" dev.converge.benchmarks.ParseFloor "$estate/stacks") ;;
      plan) line=$(measure java "$@" -jar "$cli" plan --repo "$estate" --format json --at 2026-12-01T10:00:00Z) ;;
      affected) line=$(measure java "$@" -jar "$cli" affected --repo "$estate" --base HEAD~1 --format json) ;;
    esac
    wall[$kind]+="${line% *} "; rss[$kind]+="${line#* } "
    echo "run $r $kind: ${line% *} s, ${line#* } MB resident"
  done
done
for kind in "${kinds[@]}"; do
  m=$(tr ' ' '\n' <<<"${wall[$kind]}" | grep . | median)
  mr=$(tr ' ' '\n' <<<"${rss[$kind]}" | grep . | median)
  printf '%-11s median %6.2f s, %5.0f MB resident' "$kind" "$m" "$mr"
  case "$kind" in
    floor) floor=$m; echo ;;
    floor-tuned) tuned_floor=$m; echo " (the parse with converge's JVM options)" ;;
    *) printf ', %.2f x the floor, %.2f x the tuned floor\n' "$(echo "$m / $floor" | bc -l)" \
      "$(echo "$m / $tuned_floor" | bc -l)" ;;
  esac
done
printf 'affected / plan: %.2f\n' "$(echo "$(tr ' ' '\n' <<<"${wall[affected]}" | grep . | median) / $(tr ' ' '\n' <<<"${wall[plan]}" | grep . | median)" | bc -l)"
