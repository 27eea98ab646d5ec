package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.testkit.ScratchRepository;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzer (issue 18): mutants of the example estate and of the conformance repositories, each
 * loaded through the API and through the command line, in process with captured streams and, for
 * a sample, as a real {@code converge} process. Seeded and deterministic: {@code -Dfuzz.seed=S}
 * replays a run, {@code -Dfuzz.cases=N} runs N mutants (default {@value #DEFAULT_CASES}). Every
 * failure names the seed, the case and the mutation. See docs/fuzzing.md.
 *
 * <p>The invariant for every mutant: the load and the command end within {@link #BOUND} with exit
 * 0, 1 or 2; the API throws nothing but {@link ConvergeException}; a problem placed in a file names
 * a line and column when the file is YAML; no output holds stack-trace text; a value whose type
 * changed at a key the loader reads (docs/yaml-loader.md, "Keys the loader reads"; any key of
 * rollout.yaml) is an error or a warning naming the key, never silence.
 */
class LoaderFuzzTest {

  static final int DEFAULT_CASES = 3000;
  static final Duration BOUND = Duration.ofSeconds(20);
  static final long DEFAULT_SEED = 18L;
  /** Every how many mutants a real converge process runs too. */
  static final int PROCESS_EVERY = 250;
  static final String AT = "2026-11-27T10:00:00Z";
  static final Path EXAMPLE = Path.of("..", "examples", "infra");
  static final Path CONFORMANCE = Path.of("..", "yaml-loader", "src", "test", "resources", "conformance", "atmos");
  static final Path DOC = Path.of("..", "docs", "yaml-loader.md");

  @TempDir
  static Path dir;

  static ExecutorService worker;
  static final List<Corpus> corpora = new ArrayList<>();
  static Map<String, String> keyTable;
  static Set<String> mapSections;

  /** A repository to mutate: its folder, its files, and whether the loader reads every stack file in it. */
  record Corpus(String name, Path root, List<String> files, boolean allRead, boolean ledger) {}

  /** What one mutation did: for the report, and for the type invariant. */
  record Mutation(String file, String description, Optional<TypeChange> typeChange) {
    @Override
    public String toString() {
      return file + ": " + description;
    }
  }

  /** A value replaced at {@code path} by one of another kind, where the kind is checked. */
  record TypeChange(List<String> path, String replacement) {}

  @BeforeAll
  static void corpora() throws IOException {
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-worker");
      t.setDaemon(true);
      return t;
    });
    keyTable = documentedKeys();
    Path infra = dir.resolve("infra");
    copy(EXAMPLE, infra);
    byte[] ledger = ledgerOfTheEstate();
    assertThat(new String(ledger, StandardCharsets.UTF_8).lines().count()).as("ledger records").isEqualTo(3);
    Files.write(infra.resolve(".converge").resolve("ledger.jsonl"), ledger, createDirs(infra));
    corpora.add(corpus("examples/infra", infra, true, true));
    try (Stream<Path> cases = Files.list(CONFORMANCE)) {
      for (Path c : cases.sorted().toList()) {
        Path repo = c.resolve("repo");
        if (Files.isRegularFile(repo.resolve("atmos.yaml")) && !c.getFileName().toString().equals("complete")) {
          Path copy = dir.resolve("conformance").resolve(c.getFileName().toString());
          copy(repo, copy);
          corpora.add(corpus(c.getFileName().toString(), copy, false, false));
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    worker.shutdownNow();
  }

  private static java.nio.file.OpenOption[] createDirs(Path root) throws IOException {
    Files.createDirectories(root.resolve(".converge"));
    return new java.nio.file.OpenOption[0];
  }

  /** A real ledger: deployments of the estate recorded through the command line in a scratch git repository. */
  private static byte[] ledgerOfTheEstate() throws IOException {
    try (ScratchRepository repo = ScratchRepository.create(EXAMPLE, dir.resolve("ledger-source"))) {
      String root = repo.root().toString();
      StringWriter plan = new StringWriter();
      Converge.run(new PrintWriter(plan), new PrintWriter(new StringWriter()), Map.of(), "plan", "--format", "json",
          "--at", AT, "--repo", root);
      var next = new com.fasterxml.jackson.databind.ObjectMapper().readTree(plan.toString()).get("next");
      for (int i = 0; i < Math.min(3, next.size()); i++) {
        Converge.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of(), "record",
            "deployment", "--stack", next.get(i).get("stack").asText(), "--component",
            next.get(i).get("component").asText(), "--outcome", "success", "--at", AT, "--actor", "fuzz",
            "--repo", root);
      }
      Path ledger = repo.root().resolve(".converge").resolve("ledger.jsonl");
      return Files.exists(ledger) ? Files.readAllBytes(ledger) : new byte[0];
    }
  }

  private static Corpus corpus(String name, Path root, boolean allRead, boolean ledger) throws IOException {
    List<String> files;
    try (Stream<Path> all = Files.walk(root)) {
      files = all.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> p.endsWith(".yaml") || p.endsWith(".yml") || p.endsWith(".jsonl"))
          .sorted().toList();
    }
    return new Corpus(name, root, files, allRead, ledger);
  }

  /** The documented table of stack keys and their types, and the map sections it names. */
  private static Map<String, String> documentedKeys() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int start = lines.indexOf("### Keys the loader reads");
    assertThat(start).as("docs/yaml-loader.md documents the keys the loader reads").isPositive();
    Map<String, String> table = new LinkedHashMap<>();
    Pattern row = Pattern.compile("^\\| `([^`]+)` \\| ([a-z ]+) \\|$");
    StringBuilder prose = new StringBuilder();
    for (String line : lines.subList(start + 1, lines.size())) {
      if (line.startsWith("#")) {
        break;
      }
      Matcher m = row.matcher(line);
      if (m.matches()) {
        table.put(m.group(1), m.group(2));
      } else {
        prose.append(line).append(' ');
      }
    }
    String text = prose.toString();
    String sections = text.substring(text.indexOf("`<map section>` one of"), text.indexOf(". A string"));
    mapSections = new java.util.HashSet<>();
    Matcher word = Pattern.compile("`([a-z_]+)`").matcher(sections);
    while (word.find()) {
      mapSections.add(word.group(1));
    }
    return table;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.toString().contains(".git")) {
          Files.createDirectories(target.getParent());
          Files.copy(p, target);
        }
      }
    }
  }

  @Test
  void fuzz_mutantsOfTheEstateAndTheConformanceRepositories_endInALocatedProblemOrALoad() throws Exception {
    long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
    int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
    Random random = new Random(seed);
    List<String> failures = new ArrayList<>();
    Map<String, Integer> outcomes = new java.util.TreeMap<>();
    int processes = 0;
    long started = System.nanoTime();
    for (int i = 0; i < cases; i++) {
      long caseSeed = random.nextLong();
      Corpus corpus = corpora.get(i % 3 == 0 ? 0 : 1 + Math.floorMod(caseSeed, corpora.size() - 1));
      boolean process = i % PROCESS_EVERY == PROCESS_EVERY - 1;
      processes += process ? 1 : 0;
      String failure = runCase(corpus, caseSeed, process, outcomes);
      if (failure != null) {
        failures.add("case " + i + " (-Dfuzz.seed=" + seed + ", case seed " + caseSeed + ", corpus " + corpus.name()
            + "): " + failure);
      }
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    System.out.println("LoaderFuzzTest: " + cases + " mutants (seed " + seed + ", " + corpora.size() + " corpora, "
        + processes + " real processes) in " + seconds + " s; outcomes " + outcomes + "; " + failures.size()
        + " failures");
    failures.stream().limit(30).forEach(f -> System.out.println("  FUZZ FAILURE " + f));
    assertThat(failures).as("fuzz failures (replay with -Dfuzz.seed=" + seed + ")").isEmpty();
  }

  /** Mutates one file of {@code corpus}, checks the invariant, restores the file. The failure, or null. */
  static String runCase(Corpus corpus, long caseSeed, boolean process, Map<String, Integer> outcomes)
      throws IOException {
    Random random = new Random(caseSeed);
    String file = corpus.files().get(random.nextInt(corpus.files().size()));
    Path path = corpus.root().resolve(file);
    byte[] original = Files.readAllBytes(path);
    List<Path> extra = new ArrayList<>();
    Mutation mutation = Mutator.mutate(file, original, random, corpus, extra);
    try {
      String failure = check(corpus, mutation, process, outcomes);
      return failure == null ? null : mutation + " -> " + failure;
    } finally {
      Files.write(path, original);
      for (Path p : extra) {
        Files.deleteIfExists(p);
      }
    }
  }

  record Run(Optional<AtmosSnapshot> snapshot, Optional<ConvergeException> problems, Optional<Throwable> unexpected) {}

  static String check(Corpus corpus, Mutation mutation, boolean process, Map<String, Integer> outcomes) {
    Run api;
    try {
      api = within(() -> {
        try {
          return new Run(Optional.of(AtmosRepository.open(corpus.root()).load()), Optional.empty(), Optional.empty());
        } catch (ConvergeException e) {
          return new Run(Optional.empty(), Optional.of(e), Optional.empty());
        } catch (RuntimeException | Error e) {
          return new Run(Optional.empty(), Optional.empty(), Optional.of(e));
        }
      });
    } catch (TimeoutException e) {
      return "the load did not end within " + BOUND;
    }
    if (api.unexpected().isPresent()) {
      StringWriter trace = new StringWriter();
      api.unexpected().get().printStackTrace(new PrintWriter(trace));
      return "the API threw " + trace.toString().lines().limit(8).reduce((a, b) -> a + " | " + b).orElse("");
    }
    List<Problem> problems = api.problems().map(ConvergeException::problems)
        .orElseGet(() -> api.snapshot().orElseThrow().warnings());
    outcomes.merge(api.problems().isPresent() ? "api-error" : problems.isEmpty() ? "api-ok" : "api-warning", 1,
        Integer::sum);
    for (Problem p : problems) {
      if (p.location().isPresent()) {
        var at = p.location().get();
        if (at.file().isBlank()) {
          return "a problem names no file: " + p.render();
        }
        if (at.file().equals(mutation.file()) && !mutation.file().endsWith(".jsonl") && (at.line() < 1
            || at.column() < 1) && !UNPLACED_RULES.contains(p.rule())) {
          return "a problem in the mutated file has no line and column: " + p.render();
        }
      }
    }
    if (mutation.typeChange().isPresent()) {
      List<String> key = mutation.typeChange().get().path();
      String dotted = String.join(".", key);
      boolean named = problems.stream().anyMatch(p -> p.message().contains(dotted) || p.location()
          .filter(l -> l.file().equals(mutation.file())).isPresent());
      if (!named) {
        return "silence: `" + dotted + "` became " + mutation.typeChange().get().replacement()
            + ", yet the load reported nothing about it (" + problems.size() + " problems: "
            + problems.stream().limit(3).map(Problem::render).toList() + ")";
      }
    }
    String[] args = corpus.ledger() && mutation.file().endsWith(".jsonl")
        ? new String[] {"ledger", "verify", "--repo", corpus.root().toString()}
        : new String[] {"plan", "--format", "json", "--at", AT, "--repo", corpus.root().toString()};
    String[] cli;
    try {
      cli = within(() -> {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), args);
        return new String[] {String.valueOf(exit), out.toString(), err.toString()};
      });
    } catch (TimeoutException e) {
      return "converge " + String.join(" ", args) + " did not end within " + BOUND;
    }
    // converge plan loads with abstract bases outlined
    Optional<ConvergeException> planning;
    try {
      planning = args[0].equals("plan") ? within(() -> planningLoad(corpus)) : Optional.empty();
    } catch (TimeoutException e) {
      return "the planning load did not end within " + BOUND;
    }
    String failure = checkCommand(cli[0], cli[1], cli[2], api, planning, args);
    if (failure != null) {
      return failure;
    }
    outcomes.merge("cli-exit-" + cli[0], 1, Integer::sum);
    if (process) {
      failure = checkProcess(args, cli[0]);
      outcomes.merge("process", 1, Integer::sum);
    }
    return failure;
  }

  /**
   * Rules whose problems are about a whole file (it is missing, names no stack, or the setting it
   * lacks is written nowhere, as templates.settings.enabled usually is not).
   */
  static final Set<String> UNPLACED_RULES = Set.of("import-not-found", "manifest-not-found", "no-stack-manifests",
      "stacks-not-found", "config-not-found", "stack-name-fallback", "templates-disabled");

  /** @param planning the problems of the load converge plan makes, when it refuses the repository */
  static String checkCommand(String exit, String out, String err, Run api, Optional<ConvergeException> planning,
      String[] args) {
    if (!Set.of("0", "1", "2").contains(exit)) {
      return "exit " + exit + " from converge " + String.join(" ", args);
    }
    String both = out + err;
    if (STACK_TRACE.matcher(both).find()) {
      return "stack trace text in the output of converge " + String.join(" ", args) + ": "
          + both.lines().limit(5).reduce((a, b) -> a + " | " + b).orElse("");
    }
    if (both.contains("converge: unexpected ")) {
      return "an unexpected exception: " + both.lines().filter(l -> l.contains("unexpected")).findFirst().orElse("");
    }
    // what the planning load refuses, the full load refuses too (an outlined base skips checks, never
    // adds any); plan prints the planning load's first error
    if (planning.isPresent() && api.problems().isEmpty()) {
      return "a load outlining abstract bases refused what the full load accepted: "
          + planning.get().problems().get(0).render();
    }
    if (planning.isPresent()) {
      if (!exit.equals("2")) {
        return "the API refused the repository, yet converge plan exited " + exit;
      }
      Problem first = planning.get().problems().stream().filter(Problem::isError).findFirst().orElseThrow();
      if (!err.contains(first.render())) {
        return "converge plan did not print the load's first error `" + first.render() + "`; it printed: "
            + err.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
      }
    }
    return null;
  }

  /** The problems of the load converge plan makes (abstract bases outlined), if it refuses the repository. */
  private static Optional<ConvergeException> planningLoad(Corpus corpus) {
    try {
      AtmosRepository.builder(corpus.root()).outlineAbstractBases(true).build().load();
      return Optional.empty();
    } catch (ConvergeException e) {
      return Optional.of(e);
    }
  }

  static final Pattern STACK_TRACE = Pattern.compile(
      "(?m)^\\s+at [\\w$.]+\\(|Exception in thread|^Caused by: |\\w+(Exception|Error): .*\\n\\s+at ");

  /** The same command in a real converge process, which must agree with the in-process exit code. */
  static String checkProcess(String[] args, String expectedExit) {
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, Converge.class.getName()));
    command.addAll(List.of(args));
    try {
      Path outFile = Files.createTempFile(dir, "out", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(outFile.toFile());
      builder.environment().remove("ATMOS_CLI_CONFIG_PATH");
      builder.environment().remove("ATMOS_BASE_PATH");
      Process p = builder.start();
      if (!p.waitFor(BOUND.toSeconds() * 3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "the converge process did not end";
      }
      String output = Files.readString(outFile, StandardCharsets.UTF_8);
      if (STACK_TRACE.matcher(output).find()) {
        return "stack trace text from the converge process: " + output.lines().limit(5).toList();
      }
      if (!String.valueOf(p.exitValue()).equals(expectedExit)) {
        return "the converge process exited " + p.exitValue() + ", in process " + expectedExit + ": "
            + output.lines().limit(3).toList();
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  interface Action<T> {
    T run() throws Exception;
  }

  static <T> T within(Action<T> action) throws TimeoutException {
    Future<T> future = worker.submit(action::run);
    try {
      return future.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      worker.shutdownNow();
      worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-worker");
        t.setDaemon(true);
        return t;
      });
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("the fuzz harness failed", e.getCause());
    }
  }
}
