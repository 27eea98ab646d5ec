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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtmosRepository.Builder#reuseParses} over every repository of the Atmos conformance corpora
 * ({@link FixtureRepos}), under each atmos.yaml override and environment its cases load it with:
 * the fixtures hold what the seeded histories of
 * {@link ReusedManifestsTest} do not (overrides, locals, deferred merges, name templates, custom
 * component types, abstract backends, errors). Each repository gets a short history (a blank line
 * at the top of one stack file, which moves every definition in it; a scalar changed in another;
 * the first file back and a scalar changed in a third) and is loaded with reuse in an order that
 * goes forwards and back; every load must equal a fresh one, or fail with the same problems.
 */
class ReusedManifestsFixturesTest {

  /** A scalar value on a line of its own, {@code key: value}: the last one in a file is edited. */
  private static final Pattern SCALAR = Pattern.compile("(?m)^(\\s*[A-Za-z_][\\w-]*: )([A-Za-z0-9][\\w.-]*)[ \\t]*$");

  @TempDir Path dir;

  @Test
  void everyFixture_historyLoadedWithReuse_equalsFreshLoads() throws IOException {
    int fixtures = 0;
    int loads = 0;
    int withComponents = 0;
    int skipped = 0;
    for (FixtureRepos.Repo fixture : FixtureRepos.all()) {
      Path root = dir.resolve(String.valueOf(fixtures + skipped));
      FixtureRepos.copy(fixture.path(), root);
      List<String> files = stackFiles(root);
      if (files.isEmpty()) {
        skipped++;
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
      for (FixtureRepos.Configuration configuration : fixture.configurations()) {
        AtmosRepository reusing = configuration.apply(planning(root)).reuseParses(true).build();
        for (String revision : order) {
          String at = fixture.name() + " " + configuration + ", revision " + revisions.indexOf(revision);
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
    assertThat(fixtures).isGreaterThanOrEqualTo(65);
    assertThat(loads).isGreaterThanOrEqualTo(7 * 65);
    assertThat(withComponents).isGreaterThanOrEqualTo(380);
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
}
