package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.diagnostic.ConvergeException;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid input gives problems, never another exception: seeded mutations of a valid repository
 * (characters inserted, deleted or replaced, biased to YAML's punctuation) either load or throw
 * {@link ConvergeException}. The seed is in the display name, so a failure reproduces.
 */
class LoaderProperties {

  private static final String PUNCTUATION = ":-[]{}&*!|>'\"#%@,?\n  \t0123456789abcdefgh_./";

  @TempDir
  Path dir;

  static Stream<Long> seeds() {
    return LongStream.range(0, 150).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void load_mutatedRepository_loadsOrThrowsOnlyConvergeException(long seed) {
    Random random = new Random(seed);
    RepoFiles files = RepoFiles.in(dir)
        .write("components/terraform/database/v2/main.tf", "# v2\n")
        .write("stacks/catalog/vpc.yaml", mutate(AtmosRepositoryTest.CATALOG, random))
        .write("stacks/deploy/dev.yaml", mutate(AtmosRepositoryTest.DEV, random))
        .write("stacks/deploy/prod.yaml", AtmosRepositoryTest.PROD)
        .write("rollout.yaml", mutate("""
            rollout_window: 12h
            environments:
              dev: {stacks: ["dev/*"], checks: [smoke]}
              prod: {after: [dev], stacks: ["prod/*"], soak: 30m, windows: ["Mon-Thu 09:00-16:00 UTC"],
                     freezes: [{from: 2026-12-20T00:00:00Z, to: 2027-01-04T00:00:00Z, reason: x}]}
            divergences:
              - {component: database, environments: [dev], reason: r, converge_by: 2027-01-15}
            """, random));

    try {
      AtmosSnapshot snapshot = files.load();
      assertThat(snapshot.desiredState()).isNotNull();
    } catch (ConvergeException e) {
      assertThat(e.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.location()).isPresent());
    }
  }

  static String mutate(String text, Random random) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(6);
    for (int i = 0; i < edits; i++) {
      int at = random.nextInt(out.length());
      char c = PUNCTUATION.charAt(random.nextInt(PUNCTUATION.length()));
      switch (random.nextInt(3)) {
        case 0 -> out.insert(at, c);
        case 1 -> out.deleteCharAt(at);
        default -> out.setCharAt(at, c);
      }
    }
    return out.toString();
  }
}
