package dev.converge.benchmarks;

import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Loading a generated Atmos estate with the YAML loader, against the floor: snakeyaml-engine alone
 * reading and parsing each distinct file of the estate once.
 *
 * <p>The estate (seeded, so every run loads the same files): a 200-file catalog, each file defining
 * one component with a dozen vars and settings; 1,000 stack manifests, each importing 5 to 20
 * catalog files, overriding a few vars inline and declaring two {@code depends_on}; stack names
 * from a {@code name_template}. That is
 * 1,201 distinct files and about 12,500 component instances. {@link #load()} is the whole
 * {@code AtmosRepository.load()}: discovery, imports, deep merges, inheritance, names, workspaces,
 * dependencies, git tree ids of the component folders and config digests, on as many threads as
 * there are processors (the default); {@link #loadOnOneThread()} is the same on one thread.
 * {@link #parseFloor()} reads and parses the same 1,201 files once, on one thread, with
 * snakeyaml-engine's {@code Load}. The ratio {@code load / parseFloor} is the figure of merit
 * (target: 2 or less).
 *
 * <p>Run it with:
 *
 * <pre>
 * ./mvnw -B -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar LoaderBenchmark -prof gc
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// Long warm-up: the first seconds of a fork are compilation and heap sizing (a load's first
// iterations take 2 to 4 times the steady figure); three forks, because a fork's compiled code can
// come out slower than another's.
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 4)
@Fork(value = 3, jvmArgsAppend = {"-Xmx2g"})
public class LoaderBenchmark {

  static final int CATALOG = 200;
  static final int STACKS = 1_000;
  static final int COMPONENTS = 40;

  private Path root;
  private List<Path> files;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    root = Files.createTempDirectory("converge-loader-bench");
    generate(root, new Random(42));
    try (Stream<Path> walk = Files.walk(root.resolve("stacks"))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public AtmosSnapshot load() {
    return AtmosRepository.open(root).load();
  }

  /** The generated estate's repository, once {@link #setUp} has written it. */
  AtmosRepository repository() {
    return AtmosRepository.open(root);
  }

  /** The same load on the calling thread alone ({@code parallelism(1)}): the CPU the load costs. */
  @Benchmark
  public AtmosSnapshot loadOnOneThread() {
    return AtmosRepository.builder(root).parallelism(1).build().load();
  }

  @Benchmark
  public int parseFloor() throws IOException {
    int documents = 0;
    for (Path file : files) {
      LoadSettings settings = LoadSettings.builder().setLabel(file.toString()).build();
      Object value = new Load(settings).loadFromString(Files.readString(file, StandardCharsets.UTF_8));
      documents += value == null ? 0 : 1;
    }
    return documents;
  }

  /** Writes the estate under {@code root}. */
  public static void generate(Path root, Random random) throws IOException {
    write(root.resolve("atmos.yaml"), """
        base_path: "."
        stacks:
          base_path: stacks
          included_paths: ["deploy/**/*"]
          name_template: "{{ .vars.stage }}-{{ .vars.region }}"
        components:
          terraform:
            base_path: components/terraform
        """);
    for (int c = 0; c < COMPONENTS; c++) {
      write(root.resolve("components/terraform/c" + c + "/main.tf"), "# component " + c + "\n");
    }
    for (int i = 0; i < CATALOG; i++) {
      StringBuilder yaml = new StringBuilder();
      yaml.append("components:\n  terraform:\n    svc-").append(i).append(":\n");
      yaml.append("      metadata:\n        component: c").append(i % COMPONENTS).append('\n');
      yaml.append("      settings:\n        team: team-").append(i % 7).append('\n');
      yaml.append("      vars:\n");
      for (int v = 0; v < 12; v++) {
        yaml.append("        var_").append(v).append(": value-").append(i).append('-').append(v).append('\n');
      }
      yaml.append("        tags:\n          owner: team-").append(i % 7).append("\n          tier: t").append(i % 3)
          .append('\n');
      yaml.append("        subnets: [a, b, c]\n");
      write(root.resolve("stacks/catalog/svc-" + i + ".yaml"), yaml.toString());
    }
    for (int s = 0; s < STACKS; s++) {
      int imports = 5 + random.nextInt(16);
      List<Integer> chosen = new ArrayList<>();
      while (chosen.size() < imports) {
        int pick = random.nextInt(CATALOG);
        if (!chosen.contains(pick)) {
          chosen.add(pick);
        }
      }
      StringBuilder yaml = new StringBuilder("import:\n");
      chosen.stream().sorted().forEach(i -> yaml.append("  - catalog/svc-").append(i).append('\n'));
      String stage = List.of("dev", "staging", "prod").get(s % 3);
      yaml.append("vars:\n  stage: ").append(stage).append("\n  region: r").append(s).append('\n');
      yaml.append("terraform:\n  backend_type: s3\n  backend:\n    s3:\n      bucket: tfstate-").append(stage)
          .append('\n');
      yaml.append("components:\n  terraform:\n");
      for (int k = 0; k < 3; k++) {
        yaml.append("    svc-").append(chosen.get(k)).append(":\n");
        if (k > 0) {
          yaml.append("      settings:\n        depends_on:\n          1: {component: svc-").append(chosen.get(k - 1))
              .append("}\n");
        }
        yaml.append("      vars:\n        var_0: override-").append(s).append('\n');
      }
      write(root.resolve("stacks/deploy/" + stage + "/stack-" + s + ".yaml"), yaml.toString());
    }
  }

  /** Writes {@code text} to {@code file}, making its folders. */
  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
