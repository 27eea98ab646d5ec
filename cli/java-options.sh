# The JVM options the `converge` launcher runs the command line with, in the array
# converge_java_options. Sourced by ./converge and by benchmarks/whole-process.sh, so that what is
# measured is what runs. Every choice is measured in docs/performance.md ("Import-heavy estates and
# the whole process") and explained in docs/decisions.md.
#
# A run is seconds long and compiles as it goes: C1 alone (no C2, no profiling) finishes sooner on
# two cores; the parallel collector with a small fixed young generation costs a short run less time
# and memory than G1's concurrent machinery; what survives a young collection is the loaded estate,
# kept to the end, so it is promoted at once instead of copied between survivor spaces; the heap
# starts at its maximum size (a quarter of the memory, as by default), so that it never stops to
# collect everything only to grow.
converge_java_options=(-XX:TieredStopAtLevel=1 -XX:+UseParallelGC -Xmn96m -XX:MaxTenuringThreshold=0)
# Starting the heap at its maximum commits that memory (touching none of it). Where the kernel counts
# every commit against a hard limit (vm.overcommit_memory = 2), that could keep the JVM from starting
# on a busy machine: there the heap starts as the JVM starts it by default.
if [ "$(cat /proc/sys/vm/overcommit_memory 2>/dev/null)" != 2 ]; then
  converge_java_options+=(-XX:InitialRAMPercentage=25)
fi
# The JVM's own warnings go to stderr, not into the JSON on stdout (a heap smaller than the young
# generation, say); a class-data archive of another JDK is ignored without a word.
converge_java_options+=(-Xlog:disable -Xlog:all=warning,cds=off,cds+dynamic=off:stderr)
# Where the kernel gives transparent huge pages on request, the heap asks for them: a run touches
# hundreds of MB of fresh memory, and faulting it in 2 MB pages instead of 4 KB ones costs less.
# Elsewhere the option is left out: the JVM would only warn.
if grep -qs '\[always\]\|\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
  converge_java_options+=(-XX:+UseTransparentHugePages)
fi
