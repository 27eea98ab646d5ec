package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.RolloutPlanner;
import dev.converge.cli.Converge;
import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.runner.ledger.LedgerCodec;
import dev.converge.runner.testing.FakeTerraformInstall;
import dev.converge.testkit.ScratchRepository;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Outcome;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import picocli.CommandLine;

/**
 * Every code block in {@code docs/*.md}, {@code README.md} and {@code CONTRIBUTING.md} is compiled or run.
 *
 * <ul>
 *   <li>{@code java}: the text (indentation trimmed) of a {@code // @start region="…"} … {@code // @end}
 *       region, or of a whole file, of the examples sources, which the build compiles.
 *   <li>{@code sh}, {@code console} (commands after {@code $ }): a {@code converge} or {@code ./converge}
 *       line runs in-process against a scratch git repository made from {@code examples/infra} (its
 *       first commit deployed everywhere, a second commit changing eks: the seed's Time 0), with
 *       {@code --repo} set and {@code --at} added when absent;
 *       it must exit 0 (1 is allowed for {@code lint} and {@code ledger verify}, whose documented exit
 *       code for "found errors" it is). {@code run} uses the Terraform test double. Other lines must be
 *       in {@link #KNOWN_COMMANDS}. The lines of one block share one scratch repository and ledger.
 *   <li>{@code yaml}: parsed; a {@code rollout.yaml} (a map with {@code environments}) is written into a
 *       copy of the example estate, loaded and planned, and must give no problem, unless the block
 *       follows {@code <!-- expect-problem: rule -->}, when that rule must be reported. A block after
 *       {@code <!-- file: path -->} must equal that file. Every {@code converge} command in a GitHub
 *       Actions workflow's {@code run:} must parse.
 *   <li>{@code json}: parsed; after {@code <!-- schema: converge.plan/v1 -->} (etc.) it has exactly
 *       the top-level keys the real command prints.
 *   <li>{@code jsonl}: each line is a ledger record ({@code LedgerCodec.fromJson}).
 *   <li>{@code xml}: well-formed. {@code text}, {@code mermaid}, {@code markdown}: as they are.
 *       A block without a language fails.
 * </ul>
 */
class DocsTest {

  /** The repository root, seen from the examples module (Maven runs tests there). */
  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  static final Path EXAMPLE = Path.of("infra");

  /** The instant documented commands run at, unless they name one: an hour after the example lands. */
  static final String AT = "2026-11-26T10:00:00Z";

  /** When the scratch repository's first commit was deployed everywhere: between its two commits. */
  static final Instant DEPLOYED = ScratchRepository.LANDED.plusSeconds(30);

  /** Commands other than {@code converge} that the docs may show, exactly (comments stripped). */
  static final Set<String> KNOWN_COMMANDS = Set.of(
      "./mvnw -B verify",
      "./mvnw -B -o verify",
      "./mvnw -B -o -pl yaml-loader -am verify -Dtest=BadInputTest -Dsurefire.failIfNoSpecifiedTests=false",
      "./mvnw -B -pl cli -am package -DskipTests",
      "./mvnw -B -pl benchmarks -am package -DskipTests",
      "java -jar cli/target/converge.jar --help",
      "java -jar benchmarks/target/benchmarks.jar PlannerBenchmark -prof gc",
      "java -jar benchmarks/target/benchmarks.jar LoaderBenchmark -prof gc",
      "java -jar benchmarks/target/benchmarks.jar LedgerReadBenchmark -prof gc",
      "java -Xmx2g -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.LoaderRatio 80",
      "./mvnw -B -pl cli,benchmarks -am package -DskipTests",
      "benchmarks/whole-process.sh 1000 3",
      "java -jar benchmarks/target/benchmarks.jar ImportHeavyBenchmark -prof gc",
      "java -jar benchmarks/target/benchmarks.jar 'ImportHeavyBenchmark.(loadAsPlanned|parseFloor)' -f 2 -wi 4 -i 5",
      "java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.ImportHeavyRatio 1000 20",
      "java -Xmx6g -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.ImportHeavyRatio 1000 20 planning",
      "./mvnw -B -pl core,yaml-loader test -Dtest=AtmosConformanceTest -Dconverge.conformance.dir=/path/to/cases",
      "java -cp <the loader's tests jar, the loader and its dependencies> dev.converge.yaml.conformance.ConformanceRunner /path/to/cases",
      "git add rollout.yaml",
      "git commit -m \"Add the rollout pipeline\"",
      "cd my-atmos-repo",
      "export PATH=\"$PWD:$PATH\"");

  static final ObjectMapper JSON = new ObjectMapper();

  static final Pattern FENCE = Pattern.compile("^(\\s*)(```+|~~~+)\\s*([\\w+-]*)\\s*$");
  static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*([\\w-]+)\\s*:\\s*(.*?)\\s*-->\\s*$");
  static final Pattern START = Pattern.compile("^\\s*//\\s*@start\\s+region=\"([^\"]+)\".*$");
  static final Pattern END = Pattern.compile("^\\s*//\\s*@end(\\s+region=\"([^\"]+)\")?.*$");

  @TempDir
  Path tmp;

  private final AtomicInteger scratchCount = new AtomicInteger();
  private Path fakeTerraform;

  // ---------------------------------------------------------------------------------------------
  // The tests

  @TestFactory
  Stream<DynamicTest> everyCodeBlock_compiledOrRun() throws IOException {
    List<Block> blocks = blocks(docFiles());
    Map<String, Long> byLanguage = blocks.stream()
        .collect(Collectors.groupingBy(Block::language, TreeMap::new, Collectors.counting()));
    System.out.println("DocsTest: " + blocks.size() + " code blocks in " + docFiles().size() + " files " + byLanguage);
    return blocks.stream().map(b -> dynamicTest(b.name(), () -> check(b)));
  }

  @Test
  void docs_everyReferenceHasCodeBlocks() throws IOException {
    List<Block> blocks = blocks(docFiles());
    assertThat(blocks).extracting(Block::file).contains("README.md", "docs/cli.md", "docs/java-api.md",
        "docs/rollout-yaml.md", "docs/json.md", "docs/ci.md", "docs/getting-started.md");
    assertThat(blocks).extracting(Block::language).contains("java", "sh", "yaml", "json", "jsonl");
  }

  /** The checker catches what it is meant to catch: each broken block below must fail. */
  @Nested
  class CheckerFails {

    @Test
    void java_notARegion_fails() {
      assertFails(block("java", "int x = 1;"), "not the text of a region");
    }

    @Test
    void converge_unknownOption_fails() {
      assertFails(block("sh", "converge plan --colour"), "exit 2");
    }

    @Test
    void unknownCommand_fails() {
      assertFails(block("sh", "rm -rf /"), "not a known command");
    }

    @Test
    void rolloutYaml_unknownKey_fails() {
      assertFails(block("yaml", "environments:\n  dev:\n    stacks: [\"dev/*\"]\n    sok: 30m\n"
          + "  staging:\n    stacks: [\"staging/*\"]\n  prod:\n    stacks: [\"prod/*\"]\n"), "unknown-key");
    }

    @Test
    void rolloutYaml_stackInNoEnvironment_fails() {
      assertFails(block("yaml", "environments:\n  dev:\n    stacks: [\"dev/*\"]\n"), "stack-environment");
    }

    @Test
    void rolloutYaml_expectedProblemMissing_fails() {
      assertFails(new Block("test.md", 1, "yaml", EXAMPLE_ROLLOUT, Map.of("expect-problem", "unknown-key")),
          "expected problem unknown-key");
    }

    @Test
    void json_wrongTopLevelKeys_fails() {
      assertFails(new Block("test.md", 1, "json", "{\"schema\": \"converge.plan/v1\", \"revision\": \"x\"}",
          Map.of("schema", "converge.plan/v1")), "top-level keys");
    }

    @Test
    void jsonl_notARecord_fails() {
      assertFails(block("jsonl", "{\"type\":\"deploymnet\",\"at\":\"2026-11-27T10:00:00Z\"}"), "ledger-record");
    }

    @Test
    void noLanguage_fails() {
      assertFails(block("", "anything"), "no language");
    }

    Block block(String language, String text) {
      return new Block("test.md", 1, language, text, Map.of());
    }

    void assertFails(Block block, String expected) {
      try {
        check(block);
      } catch (AssertionError e) {
        assertThat(e.getMessage()).contains("test.md:").contains(expected);
        return;
      } catch (Exception e) {
        throw new AssertionError("the docs check threw instead of failing with a message", e);
      }
      fail("the docs check accepted a broken block: " + block.text());
    }
  }

  static final String EXAMPLE_ROLLOUT = "environments:\n  dev:\n    stacks: [\"dev/*\"]\n  staging:\n"
      + "    after: [dev]\n    stacks: [\"staging/*\"]\n  prod:\n    after: [staging]\n    stacks: [\"prod/*\"]\n";

  // ---------------------------------------------------------------------------------------------
  // Blocks

  /** A fenced code block: where it starts (1-based line of the opening fence), its language, text, markers. */
  record Block(String file, int line, String language, String text, Map<String, String> markers) {
    String name() {
      return file + ":" + line + " ```" + language;
    }

    String where() {
      return file + ":" + line + " (```" + language + " block)";
    }
  }

  static List<Path> docFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(ROOT.resolve("README.md"));
    files.add(ROOT.resolve("CONTRIBUTING.md"));
    try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
    }
    return files;
  }

  static List<Block> blocks(List<Path> files) throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (Path file : files) {
      blocks.addAll(blocks(ROOT.relativize(file).toString().replace('\\', '/'), Files.readAllLines(file)));
    }
    return blocks;
  }

  static List<Block> blocks(String name, List<String> lines) {
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher open = FENCE.matcher(lines.get(i));
      if (!open.matches()) {
        continue;
      }
      String indent = open.group(1);
      String fence = open.group(2);
      StringBuilder text = new StringBuilder();
      int j = i + 1;
      for (; j < lines.size(); j++) {
        String line = lines.get(j);
        if (line.strip().startsWith(fence) && line.strip().replace(fence.substring(0, 1), "").isEmpty()) {
          break;
        }
        text.append(line.startsWith(indent) ? line.substring(indent.length()) : line.stripLeading()).append('\n');
      }
      if (j == lines.size()) {
        throw new AssertionError(name + ":" + (i + 1) + ": the code block is never closed");
      }
      blocks.add(new Block(name, i + 1, open.group(3), text.toString(), markers(lines, i)));
      i = j;
    }
    return blocks;
  }

  /** {@code <!-- key: value -->} comments right above a fence (blank lines between are allowed). */
  static Map<String, String> markers(List<String> lines, int fence) {
    Map<String, String> markers = new LinkedHashMap<>();
    for (int k = fence - 1; k >= 0; k--) {
      String line = lines.get(k);
      if (line.isBlank()) {
        continue;
      }
      Matcher m = MARKER.matcher(line);
      if (!m.matches()) {
        break;
      }
      markers.put(m.group(1), m.group(2));
    }
    return markers;
  }

  void check(Block block) throws Exception {
    switch (block.language()) {
      case "java" -> checkJava(block);
      case "sh", "console" -> checkShell(block);
      case "yaml", "yml" -> checkYaml(block);
      case "json" -> checkJson(block);
      case "jsonl" -> checkJsonLines(block);
      case "xml" -> checkXml(block);
      case "text", "mermaid", "markdown" -> { }
      case "" -> fail(block.where() + ": the block has no language; write ```text for plain text");
      default -> fail(block.where() + ": the docs test does not know the language `" + block.language() + "`");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // java: regions of the examples sources

  /** The region texts (and whole files) of the examples sources, by name. */
  static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new TreeMap<>();
    try (Stream<Path> files = Files.walk(ROOT.resolve("examples/src"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        List<String> lines = Files.readAllLines(file);
        String shortName = file.getFileName().toString();
        regions.put(shortName + " (whole file)", normalize(String.join("\n", lines)));
        Map<String, StringBuilder> open = new LinkedHashMap<>();
        for (String line : lines) {
          Matcher start = START.matcher(line);
          Matcher end = END.matcher(line);
          if (start.matches()) {
            open.put(start.group(1), new StringBuilder());
          } else if (end.matches()) {
            String name = end.group(2) != null ? end.group(2)
                : open.keySet().stream().reduce((a, b) -> b).orElse(null);
            StringBuilder text = name == null ? null : open.remove(name);
            if (text != null) {
              regions.put(shortName + " region \"" + name + "\"", normalize(text.toString()));
            }
          } else {
            open.values().forEach(text -> text.append(line).append('\n'));
          }
        }
      }
    }
    return regions;
  }

  /** Trailing spaces and surrounding blank lines dropped, common indentation removed. */
  static String normalize(String text) {
    List<String> lines = new ArrayList<>(text.lines().map(String::stripTrailing).toList());
    while (!lines.isEmpty() && lines.get(0).isEmpty()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return String.join("\n", lines).stripIndent();
  }

  void checkJava(Block block) throws IOException {
    String text = normalize(block.text());
    Map<String, String> regions = regions();
    if (regions.containsValue(text)) {
      return;
    }
    String closest = null;
    int best = -1;
    for (Map.Entry<String, String> region : regions.entrySet()) {
      int same = commonLines(text, region.getValue());
      if (same > best) {
        best = same;
        closest = region.getKey();
      }
    }
    List<String> docLines = text.lines().toList();
    List<String> regionLines = regions.get(closest).lines().toList();
    fail(block.where() + ": the block is not the text of a region of the examples sources"
        + " (examples/src/**/*.java, `// @start region=\"…\"` … `// @end`). Closest: " + closest
        + "; first difference at block line " + (best + 1) + ":\n  doc:    "
        + (best < docLines.size() ? docLines.get(best) : "<end of block>") + "\n  source: "
        + (best < regionLines.size() ? regionLines.get(best) : "<end of region>"));
  }

  static int commonLines(String a, String b) {
    List<String> x = a.lines().toList();
    List<String> y = b.lines().toList();
    int n = 0;
    while (n < x.size() && n < y.size() && x.get(n).equals(y.get(n))) {
      n++;
    }
    return n;
  }

  // ---------------------------------------------------------------------------------------------
  // sh / console: run converge, allow-list the rest

  record Line(int offset, String command) {}

  static List<Line> commands(Block block) {
    List<Line> commands = new ArrayList<>();
    List<String> lines = block.text().lines().toList();
    boolean console = block.language().equals("console");
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (console) {
        if (!line.startsWith("$ ")) {
          continue;
        }
        line = line.substring(2).strip();
      }
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int start = i;
      while (line.endsWith("\\") && i + 1 < lines.size()) {
        line = line.substring(0, line.length() - 1).strip() + " " + lines.get(++i).strip();
      }
      commands.add(new Line(start + 1, stripComment(line)));
    }
    return commands;
  }

  /** Drops a trailing {@code # comment} outside quotes. */
  static String stripComment(String line) {
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '#' && i > 0 && Character.isWhitespace(line.charAt(i - 1))) {
        return line.substring(0, i).strip();
      }
    }
    return line.strip();
  }

  /** Shell words: whitespace-separated, with single and double quotes. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  void checkShell(Block block) throws Exception {
    List<Line> commands = commands(block);
    ScratchRepository scratch = null;
    try {
      for (Line line : commands) {
        String where = block.file() + ":" + (block.line() + line.offset()) + " (```" + block.language() + " block at line "
            + block.line() + ")";
        List<String> words = words(line.command());
        if (!words.isEmpty() && (words.get(0).equals("converge") || words.get(0).equals("./converge"))) {
          if (scratch == null) {
            scratch = scratch();
          }
          runConverge(where, line.command(), words.subList(1, words.size()), scratch);
        } else if (!KNOWN_COMMANDS.contains(String.join(" ", line.command().split("\\s+")))) {
          fail(where + ": `" + line.command() + "` is not a known command; the docs test runs `converge …` lines"
              + " and allows only " + new TreeSet<>(KNOWN_COMMANDS));
        }
      }
    } finally {
      if (scratch != null) {
        scratch.close();
      }
    }
  }

  /**
   * The seed's Time 0 on the example estate: a git repository whose first commit is deployed everywhere
   * (recorded in {@code .converge/ledger.jsonl}), and a second commit that changes eks, so that HEAD~1
   * exists and the plan has a little to do.
   */
  ScratchRepository scratch() throws IOException {
    ScratchRepository repo = ScratchRepository.create(EXAMPLE, tmp.resolve("scratch-" + scratchCount.incrementAndGet()));
    DesiredState first = AtmosRepository.open(repo.root()).load("HEAD").desiredState();
    List<Deployment> deployed = first.instances().stream().filter(Instance::isDeployable)
        .map(i -> Deployment.builder().at(DEPLOYED).instance(i.id()).folder(i.folder()).revision(first.revision().id())
            .sourceDigest(i.sourceDigest()).configDigest(i.configDigest()).outcome(Outcome.SUCCESS).actor("ci").build())
        .toList();
    LedgerFile.at(repo.root().resolve(".converge/ledger.jsonl")).append(deployed);
    String eks = "components/terraform/eks/main.tf";
    repo.write(eks, repo.read(eks) + "\n# a second commit, so that HEAD~1 exists\n");
    repo.commit("eks: second commit");
    return repo;
  }

  record Result(int exit, String out, String err) {}

  static Result converge(List<String> args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  void runConverge(String where, String command, List<String> given, ScratchRepository scratch) throws IOException {
    List<String> words = new ArrayList<>(given);
    int n = words.size();
    if (n >= 2 && (words.get(n - 2).equals(">") || words.get(n - 2).equals(">>"))) {
      words = new ArrayList<>(words.subList(0, n - 2));   // a redirect of stdout: captured here anyway
    }
    for (String word : words) {
      if (Set.of("|", "&&", "||", ";", ">", ">>", "<").contains(word) || word.contains("$(")) {
        fail(where + ": `" + command + "` uses shell syntax the docs test does not run; keep such lines in CI"
            + " workflow blocks");
      }
    }
    List<String> args = rewrite(words, scratch);
    Result result = converge(args);
    boolean mayFindErrors = !words.isEmpty() && (words.get(0).equals("lint")
        || words.size() > 1 && words.get(0).equals("ledger") && words.get(1).equals("verify"));
    if (result.exit() != 0 && !(result.exit() == 1 && mayFindErrors)) {
      fail(where + ": `" + command + "` exited " + result.exit() + (result.exit() == 2 ? " (exit 2: bad usage or input)" : "")
          + " (ran as converge " + String.join(" ", args) + ")\nstderr:\n" + head(result.err()) + "\nstdout:\n"
          + head(result.out()));
    }
  }

  static String head(String text) {
    return text.lines().limit(20).collect(Collectors.joining("\n"));
  }

  /** The documented arguments, pointed at the scratch repository (and Terraform at its test double). */
  List<String> rewrite(List<String> words, ScratchRepository scratch) throws IOException {
    if (words.isEmpty() || words.contains("--help") || words.contains("-h") || words.contains("--version")
        || words.contains("-V") || words.get(0).equals("help")) {
      return words;
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> args = new ArrayList<>();
    for (Iterator<String> it = words.iterator(); it.hasNext(); ) {
      String word = it.next();
      String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      if (Set.of("--repo", "--ledger", "--example", "--workdir", "--terraform", "--components", "--out").contains(option)) {
        values.put(option, word.contains("=") ? word.substring(word.indexOf('=') + 1) : it.hasNext() ? it.next() : "");
      } else {
        args.add(word);
      }
    }
    Path root = scratch.root();
    if (args.get(0).equals("demo")) {
      args.add("--example");
      args.add(ROOT.resolve(values.getOrDefault("--example", "examples/infra")).toString());
      args.add("--workdir");
      args.add(Files.createDirectories(tmp.resolve("demo-" + scratchCount.incrementAndGet())).toString());
      return args;
    }
    if (values.containsKey("--ledger")) {
      args.add("--ledger");
      args.add(root.resolve(values.get("--ledger")).toString());
    }
    if (values.containsKey("--out")) {
      args.add("--out");   // a file the command writes: into the scratch repository, never the source tree
      args.add(root.resolve(values.get("--out")).toString());
    }
    if (values.containsKey("--components")) {
      args.add("--components");
      args.add(root.resolve(values.get("--components")).toString());
    }
    if (args.get(0).equals("run")) {
      args.add("--terraform");
      args.add(fakeTerraform().toString());
    }
    if (!args.contains("--at") && args.stream().noneMatch(a -> a.startsWith("--at="))) {
      args.add("--at");
      args.add(AT);
    }
    args.add("--repo");
    args.add(root.toString());
    return args;
  }

  Path fakeTerraform() throws IOException {
    if (fakeTerraform == null) {
      fakeTerraform = FakeTerraformInstall.into(Files.createDirectories(tmp.resolve("bin")));
    }
    return fakeTerraform;
  }

  // ---------------------------------------------------------------------------------------------
  // yaml: parsed; rollout.yaml loaded and planned; workflows' converge commands parsed

  void checkYaml(Block block) throws Exception {
    List<Object> documents = new ArrayList<>();
    try {
      new Load(LoadSettings.builder().setLabel(block.file()).build()).loadAllFromString(block.text())
          .forEach(documents::add);
    } catch (RuntimeException e) {
      fail(block.where() + ": not valid YAML (lines count from the line after the fence): " + e.getMessage());
    }
    String file = block.markers().get("file");
    if (file != null) {
      String actual = Files.readString(ROOT.resolve(file));
      if (!normalize(actual).equals(normalize(block.text()))) {
        fail(block.where() + ": the block must show " + file + " exactly; first difference at block line "
            + (commonLines(normalize(block.text()), normalize(actual)) + 1));
      }
    }
    for (Object document : documents) {
      if (document instanceof Map<?, ?> map && map.containsKey("environments")) {
        checkRollout(block);
      }
      if (document instanceof Map<?, ?> map && map.containsKey("jobs")) {
        checkWorkflow(block, map);
      }
    }
  }

  void checkRollout(Block block) throws IOException {
    Path dir = tmp.resolve("rollout-" + scratchCount.incrementAndGet());
    List<Problem> problems = new ArrayList<>();
    try (ScratchRepository repo = ScratchRepository.create(EXAMPLE, dir)) {
      repo.write("rollout.yaml", block.text());
      try {
        AtmosSnapshot snapshot = AtmosRepository.open(repo.root()).load();
        problems.addAll(snapshot.warnings());
        snapshot.pipeline().ifPresent(pipeline -> problems.addAll(RolloutPlanner.of(pipeline)
            .at(Instant.parse(AT)).plan(snapshot.desiredState()).problems()));
      } catch (ConvergeException e) {
        problems.addAll(e.problems());
      }
    }
    String rendered = problems.stream().map(Problem::render).collect(Collectors.joining("\n  "));
    String expected = block.markers().get("expect-problem");
    if (expected == null && !problems.isEmpty()) {
      fail(block.where() + ": this rollout.yaml, put into the example estate, gives problems (mark a deliberate"
          + " error with <!-- expect-problem: rule -->):\n  " + rendered);
    }
    if (expected != null && problems.stream().noneMatch(p -> p.rule().equals(expected))) {
      fail(block.where() + ": expected problem " + expected + " from this rollout.yaml, got "
          + (problems.isEmpty() ? "none" : ":\n  " + rendered));
    }
  }

  static final Pattern WORKFLOW_CONVERGE = Pattern.compile("(?:^|[\\s(])(?:\\./)?converge\\s+([^\\n|;&)>]*)");

  /** Every {@code converge …} in a step's {@code run:} parses (matrix expressions stand for one word). */
  void checkWorkflow(Block block, Map<?, ?> workflow) {
    int found = 0;
    for (Object job : ((Map<?, ?>) workflow.get("jobs")).values()) {
      Object steps = job instanceof Map<?, ?> j ? j.get("steps") : null;
      if (!(steps instanceof List<?> list)) {
        continue;
      }
      for (Object step : list) {
        Object run = step instanceof Map<?, ?> s ? s.get("run") : null;
        if (run == null) {
          continue;
        }
        String script = String.valueOf(run).replaceAll("\\\\\\n", " ").replaceAll("\\$\\{\\{.*?}}", "X");
        Matcher m = WORKFLOW_CONVERGE.matcher(script);
        while (m.find()) {
          String args = m.group(1).replaceAll("\"?\\$[A-Za-z_]+\"?", "X").strip();
          found++;
          List<String> words = new ArrayList<>(words(args));
          for (int i = 1; i < words.size(); i++) {   // a placeholder stands for a valid value
            if (words.get(i).equals("X") && words.get(i - 1).equals("--outcome")) {
              words.set(i, "success");
            } else if (words.get(i).equals("X") && words.get(i - 1).equals("--at")) {
              words.set(i, AT);
            }
          }
          try {
            new CommandLine(new Converge()).parseArgs(words.toArray(String[]::new));
          } catch (CommandLine.ParameterException e) {
            fail(block.where() + ": `converge " + args + "` in the workflow does not parse: " + e.getMessage());
          }
        }
      }
    }
    assertThat(found).as(block.where() + ": a workflow in the docs runs converge").isPositive();
  }

  // ---------------------------------------------------------------------------------------------
  // json, jsonl, xml

  /** What each schema marker names: the command whose output the block shows, and whether it may show fewer keys. */
  static final Map<String, List<String>> SCHEMA_COMMANDS = Map.of(
      "converge.plan/v1", List.of("plan", "--format", "json"),
      "converge.status/v1", List.of("status", "--format", "json"),
      "converge.metrics/v1", List.of("metrics", "--since", "2026-11-01T00:00:00Z", "--format", "json"),
      "converge.affected/v1", List.of("affected", "--base", "HEAD~1", "--format", "json"),
      "converge.lint/v1", List.of("lint", "--format", "json"),
      "converge.rollback/v1", List.of("rollback", "--environment", "prod", "--component", "vpc", "--format", "json"),
      "converge.forecast/v1", List.of("forecast", "--format", "json"),
      "github-matrix", List.of("plan", "--format", "github"),
      "describe-component", List.of("describe", "component", "vpc", "--stack", "dev/us-east-1", "--format", "json"),
      "describe-stacks", List.of("describe", "stacks", "--format", "json"));

  private final Map<String, Set<String>> realKeys = new TreeMap<>();

  void checkJson(Block block) throws Exception {
    JsonNode node;
    try {
      node = JSON.readTree(block.text());
    } catch (IOException e) {
      fail(block.where() + ": not valid JSON: " + e.getMessage());
      return;
    }
    String schema = block.markers().get("schema");
    if (schema == null) {
      return;
    }
    List<String> command = SCHEMA_COMMANDS.get(schema);
    if (command == null) {
      fail(block.where() + ": unknown schema marker `" + schema + "`; known: " + new TreeSet<>(SCHEMA_COMMANDS.keySet()));
    }
    Set<String> real = realKeys(schema, command);
    Set<String> doc = new TreeSet<>();
    node.fieldNames().forEachRemaining(doc::add);
    boolean subset = schema.startsWith("describe-");
    if (subset ? !real.containsAll(doc) : !real.equals(doc)) {
      fail(block.where() + ": the top-level keys " + doc + " are not " + (subset ? "among " : "") + "those that `converge "
          + String.join(" ", command) + "` prints: " + real);
    }
    if (node.has("schema") && !node.get("schema").asText().equals(schema)) {
      fail(block.where() + ": `schema` is " + node.get("schema") + " but the block is marked " + schema);
    }
  }

  Set<String> realKeys(String schema, List<String> command) throws IOException {
    if (!realKeys.containsKey(schema)) {
      try (ScratchRepository scratch = scratch()) {
        Result result = converge(rewrite(command, scratch));
        JsonNode real = JSON.readTree(result.out());
        Set<String> keys = new TreeSet<>();
        real.fieldNames().forEachRemaining(keys::add);
        realKeys.put(schema, keys);
      }
    }
    return realKeys.get(schema);
  }

  void checkJsonLines(Block block) {
    List<String> lines = block.text().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        LedgerCodec.fromJson(lines.get(i), block.file(), block.line() + i + 1);
      } catch (ConvergeException e) {
        fail(block.where() + ": line " + (block.line() + i + 1) + " is not a ledger record: "
            + e.problems().stream().map(Problem::render).collect(Collectors.joining("; ")));
      }
    }
  }

  void checkXml(Block block) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    try {
      factory.newDocumentBuilder().parse(new ByteArrayInputStream(block.text().getBytes(StandardCharsets.UTF_8)));
    } catch (org.xml.sax.SAXException e) {
      fail(block.where() + ": not well-formed XML: " + e.getMessage());
    }
  }
}
