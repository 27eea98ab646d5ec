package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@link AtmosRepository.Builder#reuseParses} over every repository of Atmos's own fixtures
 * ({@code src/test/resources/conformance/atmos-fixtures}), under each atmos.yaml override and
 * environment its cases load it with: the fixtures hold what the seeded histories of
 * {@link ReusedManifestsTest} do not (overrides, locals, deferred merges, name templates, custom
 * component types, abstract backends, errors). Each repository gets a short history (a blank line
 * at the top of one stack file, which moves every definition in it; a scalar changed in another;
 * the first file back and a scalar changed in a third) and is loaded with reuse in an order that
 * goes forwards and back; every load must equal a fresh one, or fail with the same problems.
 */
class ReusedManifestsFixturesTest {

  private static final Path CORPUS = Path.of("src/test/resources/conformance/atmos-fixtures");
  /** A scalar value on a line of its own, {@code key: value}: the last one in a file is edited. */
  private static final Pattern SCALAR = Pattern.compile("(?m)^(\\s*[A-Za-z_][\\w-]*: )([A-Za-z0-9][\\w.-]*)[ \\t]*$");

  @TempDir Path dir;

  @Test
  void everyFixture_historyLoadedWithReuse_equalsFreshLoads() throws IOException {
    int fixtures = 0;
    int loads = 0;
    int withComponents = 0;
    List<Path> cases;
    try (Stream<Path> list = Files.list(CORPUS)) {
      cases = list.filter(p -> Files.isRegularFile(p.resolve("expected.yaml")) && Files.isDirectory(p.resolve("repo")))
          .sorted().toList();
    }
    for (Path fixture : cases) {
      Path root = dir.resolve(fixture.getFileName().toString());
      copy(fixture.resolve("repo"), root);
      List<String> files = stackFiles(root);
      if (files.isEmpty()) {
        continue;
      }
      fixtures++;
      RepoFiles repo = RepoFiles.bare(root);
      List<String> revisions = new ArrayList<>();
      revisions.add(repo.commit("fixture").name());
      String first = files.get(0);
      String original = read(root, first);
      repo.write(first, "\n" + original);
      revisions.add(repo.commit("a blank line above every definition of " + first).name());
      editScalar(repo, root, files.get(files.size() / 2));
      revisions.add(repo.commit("a scalar changed").name());
      repo.write(first, original);
      editScalar(repo, root, files.get(files.size() - 1));
      revisions.add(repo.commit("the first file back, a scalar changed").name());
      List<String> order = List.of(revisions.get(0), revisions.get(1), revisions.get(2), revisions.get(3),
          revisions.get(0), revisions.get(2), revisions.get(2));
      for (Configuration configuration : configurations(fixture)) {
        AtmosRepository reusing = configuration.apply(planning(root)).reuseParses(true).build();
        for (String revision : order) {
          String at = fixture.getFileName() + " " + configuration + ", revision " + revisions.indexOf(revision);
          Object reused = load(reusing, revision);
          Object fresh = load(configuration.apply(planning(root)).build(), revision);
          loads++;
          if (fresh instanceof ConvergeException failure) {
            assertThat(reused).as(at).isInstanceOf(ConvergeException.class);
            assertThat(rendered(((ConvergeException) reused).problems())).as(at).isEqualTo(rendered(failure.problems()));
            continue;
          }
          assertThat(reused).as(at).isInstanceOf(AtmosSnapshot.class);
          AtmosSnapshot r = (AtmosSnapshot) reused;
          AtmosSnapshot f = (AtmosSnapshot) fresh;
          assertThat(r.desiredState()).as(at).isEqualTo(f.desiredState());
          assertThat(r.components()).as(at).isEqualTo(f.components());
          assertThat(r.stacks()).as(at).isEqualTo(f.stacks());
          assertThat(r.manifests()).as(at).isEqualTo(f.manifests());
          assertThat(rendered(r.warnings())).as(at).isEqualTo(rendered(f.warnings()));
          if (!r.components().isEmpty()) {
            withComponents++;
          }
        }
      }
    }
    // the corpus is what makes this test worth having: it must not silently shrink to nothing, nor
    // to loads that fail (a failed load resolves nothing to reuse)
    assertThat(fixtures).isGreaterThanOrEqualTo(40);
    assertThat(loads).isGreaterThanOrEqualTo(7 * 40);
    assertThat(withComponents).isGreaterThanOrEqualTo(7 * 30);
  }

  /** How one fixture's cases load it: atmos.yaml overrides and environment variables. */
  private record Configuration(Map<String, Object> atmosConfig, Map<String, String> environment) {
    AtmosRepository.Builder apply(AtmosRepository.Builder builder) {
      atmosConfig.forEach(builder::atmosConfig);
      if (!environment.isEmpty()) {
        builder.environment(environment);
      }
      return builder;
    }
  }

  /** The distinct configurations of a fixture's cases (the fixture's env under each case's own). */
  @SuppressWarnings("unchecked")
  private static Set<Configuration> configurations(Path fixture) throws IOException {
    Map<String, Object> expected = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(fixture.resolve("expected.yaml")));
    Map<String, String> shared = strings(expected.get("env"));
    Set<Configuration> result = new LinkedHashSet<>();
    Object cases = expected.get("cases");
    for (Object c : cases instanceof List<?> list ? list : List.of()) {
      Map<String, Object> one = c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      Map<String, String> environment = new TreeMap<>(shared);
      environment.putAll(strings(one.get("env")));
      Map<String, Object> overrides = one.get("atmos_config") instanceof Map<?, ?> m
          ? new TreeMap<>((Map<String, Object>) m) : Map.of();
      result.add(new Configuration(overrides, environment));
    }
    if (result.isEmpty()) {
      result.add(new Configuration(Map.of(), new TreeMap<>(shared)));
    }
    return result;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
    }
    return result;
  }

  private static AtmosRepository.Builder planning(Path root) {
    return AtmosRepository.builder(root).outlineAbstractBases(true).describeMaps(false);
  }

  private static Object load(AtmosRepository repository, String revision) {
    try {
      return repository.load(revision);
    } catch (ConvergeException e) {
      return e;
    }
  }

  private static List<String> rendered(List<Problem> problems) {
    return problems.stream().map(Problem::render).toList();
  }

  /** The YAML files of a repository other than atmos.yaml, sorted by path. */
  private static List<String> stackFiles(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(p -> (p.endsWith(".yaml") || p.endsWith(".yml")) && !p.endsWith("atmos.yaml")
              && !p.startsWith(".git/"))
          .sorted().toList();
    }
  }

  /** Changes the last scalar of the file, when it has one. */
  private static void editScalar(RepoFiles repo, Path root, String file) {
    String text = read(root, file);
    Matcher m = SCALAR.matcher(text);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start(2);
      end = m.end(2);
    }
    if (start >= 0) {
      repo.write(file, text.substring(0, end) + "-edited" + text.substring(end));
    }
  }

  private static String read(Path root, String file) {
    try {
      return Files.readString(root.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
