package dev.converge.benchmarks;

import dev.converge.yaml.AtmosRepository;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The loader's ratio to its floor with both measured in turn in one JVM: a load (default
 * parallelism), then the floor, {@code rounds} times; the second half of the rounds is kept. When
 * other work loads the machine, two JMH runs minutes apart see different machines; here the load
 * and the floor see the same one. A complement to {@link LoaderBenchmark}, not a replacement: no
 * forks, no JMH warm-up rules, wall-clock times.
 *
 * <pre>{@code java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.LoaderRatio 80}</pre>
 */
public final class LoaderRatio {

  private LoaderRatio() {}

  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 80;
    LoaderBenchmark bench = new LoaderBenchmark();
    bench.setUp();
    try {
      AtmosRepository repository = bench.repository();
      List<Long> loads = new ArrayList<>();
      List<Long> floors = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        long start = System.nanoTime();
        repository.load();
        long loaded = System.nanoTime();
        bench.parseFloor();
        long parsed = System.nanoTime();
        if (i >= rounds / 2) {
          loads.add(loaded - start);
          floors.add(parsed - loaded);
        }
      }
      Collections.sort(loads);
      Collections.sort(floors);
      long load = loads.get(loads.size() / 2);
      long floor = floors.get(floors.size() / 2);
      System.out.printf("load: median %.1f ms, best %.1f ms%nfloor: median %.1f ms, best %.1f ms%n"
          + "ratio of the medians %.2f, of the bests %.2f (%d rounds kept)%n", load / 1e6, loads.get(0) / 1e6,
          floor / 1e6, floors.get(0) / 1e6, (double) load / floor, (double) loads.get(0) / floors.get(0), loads.size());
    } finally {
      bench.tearDown();
    }
  }
}
