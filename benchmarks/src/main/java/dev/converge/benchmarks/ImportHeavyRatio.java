package dev.converge.benchmarks;

import dev.converge.model.ComponentType;
import dev.converge.yaml.AtmosRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The loader on the import-heavy estate ({@link ImportHeavyEstate}) against its floor, in one warm
 * JVM: a load (default parallelism), then a one-thread snakeyaml-engine parse of the same files,
 * {@code rounds} times; the second half is kept. Each side starts after a full collection, so that
 * neither pays for the other's garbage (without it, the floor's median was up to four times its
 * best: it paid for the collections the load left due). Prints the medians, the bests and the
 * ratio, and the retained size of a loaded snapshot. With a third argument {@code planning}, the
 * loads outline abstract bases and keep no describe maps, as {@code converge plan}'s do
 * ({@link AtmosRepository.Builder#outlineAbstractBases}, {@link AtmosRepository.Builder#describeMaps}).
 * The heap's sizing weighs on the load: with {@code -Xms} equal to {@code -Xmx} it takes half as long.
 *
 * <pre>{@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.ImportHeavyRatio 1000 20 [planning]}</pre>
 */
public final class ImportHeavyRatio {

  private ImportHeavyRatio() {}

  public static void main(String[] args) throws Exception {
    int stacks = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Path root = Files.createTempDirectory("converge-import-heavy").resolve("estate");
    ImportHeavyEstate.generate(root, stacks);
    boolean planning = args.length > 2 && args[2].equals("planning");
    AtmosRepository repository = AtmosRepository.builder(root).outlineAbstractBases(planning)
        .describeMaps(!planning).build();
    List<Long> loads = new ArrayList<>();
    List<Long> floors = new ArrayList<>();
    int instances = 0;
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < rounds; i++) {
      // each side starts on a collected heap, so neither pays for the other's garbage
      usedAfterGc(runtime);
      long start = System.nanoTime();
      instances = (int) repository.load().desiredState().instances().stream()
          .filter(instance -> instance.metadata().type() == ComponentType.REAL).count();
      long loaded = System.nanoTime();
      usedAfterGc(runtime);
      long floorStart = System.nanoTime();
      ParseFloor.parse(root.resolve("stacks"));
      long parsed = System.nanoTime();
      System.out.printf("round %d: load %.0f ms, floor %.0f ms%n", i + 1, (loaded - start) / 1e6, (parsed - floorStart) / 1e6);
      if (i >= rounds / 2) {
        loads.add(loaded - start);
        floors.add(parsed - floorStart);
      }
    }
    // retained size of one loaded snapshot: the heap in use with it held, minus without it
    long without = usedAfterGc(runtime);
    Object held = repository.load();
    long with = usedAfterGc(runtime);
    System.out.printf("retained by a loaded snapshot: %.0f MB, %.0f bytes per instance%n", (with - without) / 1e6,
        (double) (with - without) / instances);
    java.lang.ref.Reference.reachabilityFence(held);
    Collections.sort(loads);
    Collections.sort(floors);
    long load = loads.get(loads.size() / 2);
    long floor = floors.get(floors.size() / 2);
    System.out.printf("%d stacks, %d instances (abstract ones not counted), %s%nload: median %.0f ms, best %.0f ms%nfloor: median %.0f ms, best %.0f ms%n"
        + "ratio of the medians %.2f, of the bests %.2f (%d rounds kept)%n", stacks, instances,
        planning ? "as converge plan loads (abstract bases outlined, no describe maps)" : "every component resolved", load / 1e6,
        loads.get(0) / 1e6, floor / 1e6, floors.get(0) / 1e6, (double) load / floor,
        (double) loads.get(0) / floors.get(0), loads.size());
  }

  private static long usedAfterGc(Runtime runtime) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
