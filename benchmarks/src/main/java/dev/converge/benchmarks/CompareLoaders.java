package dev.converge.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two builds of the loader measured in turn in one JVM: each benchmarks jar in a class loader of
 * its own sets up {@link LoaderBenchmark}'s estate, and their loads alternate (A then B, then B then
 * A), so both see the same machine, the same collector and the same moments of outside load. Prints
 * the medians of wall time and of process CPU time (the operating system counts it in steps of about
 * 10 ms) of the last two thirds of the rounds, and B/A. For a change's cost when the host is too
 * busy for two JMH runs to be comparable.
 *
 * <pre>{@code java -Xmx3g -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.CompareLoaders \
 *     OLD/benchmarks.jar NEW/benchmarks.jar 90}</pre>
 *
 * <p>With a fourth argument, a number of stacks, both load the import-heavy estate
 * ({@link ImportHeavyEstate}) of that size instead, generated once.
 */
public final class CompareLoaders {

  private CompareLoaders() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CompareLoaders A.jar B.jar [rounds]");
      System.exit(2);
    }
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 90;
    Object[] repositories = new Object[2];
    Method[] loads = new Method[2];
    Path importHeavy = null;
    if (args.length > 3) {
      importHeavy = java.nio.file.Files.createTempDirectory("converge-compare").resolve("estate");
      ImportHeavyEstate.generate(importHeavy, Integer.parseInt(args[3]));
    }
    for (int k = 0; k < 2; k++) {
      URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(args[k]).toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      if (importHeavy != null) {
        repositories[k] = loader.loadClass("dev.converge.yaml.AtmosRepository").getMethod("open", Path.class)
            .invoke(null, importHeavy);
      } else {
        Class<?> bench = loader.loadClass(LoaderBenchmark.class.getName());
        Object instance = bench.getConstructor().newInstance();
        bench.getMethod("setUp").invoke(instance);
        Method repository = bench.getDeclaredMethod("repository");
        repository.setAccessible(true);
        repositories[k] = repository.invoke(instance);
      }
      loads[k] = repositories[k].getClass().getMethod("load");
    }
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<List<Long>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Long>> wall = List.of(new ArrayList<>(), new ArrayList<>());
    for (int i = 0; i < rounds; i++) {
      for (int turn = 0; turn < 2; turn++) {
        int k = i % 2 == 0 ? turn : 1 - turn;
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        loads[k].invoke(repositories[k]);
        long wall1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        if (i >= rounds / 3) {
          cpu.get(k).add(cpu1 - cpu0);
          wall.get(k).add(wall1 - wall0);
        }
      }
    }
    System.out.printf("wall median: A %.1f ms, B %.1f ms, B/A %.3f (bests %.1f, %.1f)%n", median(wall.get(0)) / 1e6,
        median(wall.get(1)) / 1e6, (double) median(wall.get(1)) / median(wall.get(0)), Collections.min(wall.get(0)) / 1e6,
        Collections.min(wall.get(1)) / 1e6);
    System.out.printf("cpu median:  A %.1f ms, B %.1f ms, B/A %.3f (%d rounds kept)%n", median(cpu.get(0)) / 1e6,
        median(cpu.get(1)) / 1e6, (double) median(cpu.get(1)) / median(cpu.get(0)), cpu.get(0).size());
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
