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

  /**
   * Loading on several threads gives what loading on one gives: the same snapshot (components,
   * instances, warnings, in the same order) or the same problems in the same order. The generated
   * repositories have a dozen manifests importing overlapping subsets of a shared catalog, a few
   * files mutated, so problems come from files that several workers read at once.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void load_onSeveralThreads_sameAsOnOne(long seed) {
    Random random = new Random(seed);
    RepoFiles files = RepoFiles.in(dir).write("components/terraform/database/v2/main.tf", "# v2\n");
    int catalog = 2 + random.nextInt(5);
    for (int c = 0; c < catalog; c++) {
      String yaml = "components:\n  terraform:\n    svc-" + c + ":\n      metadata:\n        component: vpc\n"
          + "      vars:\n        size: " + c + "\n        tags: {team: t" + (c % 3) + "}\n";
      files.write("stacks/catalog/svc-" + c + ".yaml", random.nextInt(8) == 0 ? mutate(yaml, random) : yaml);
    }
    int manifests = 1 + random.nextInt(12);
    for (int m = 0; m < manifests; m++) {
      StringBuilder yaml = new StringBuilder("import:\n");
      for (int c = 0; c < catalog; c++) {
        if (random.nextBoolean()) {
          yaml.append("  - catalog/svc-").append(c).append('\n');
        }
      }
      if (random.nextInt(10) == 0) {
        yaml.append("  - catalog/missing\n");
      }
      yaml.append("vars:\n  stage: s").append(m % 3).append("\n  region: r").append(m).append('\n');
      yaml.append(m % 4 == 3 ? "" : "components:\n  terraform:\n    svc-0:\n      settings:\n        depends_on:\n"
          + "          1: {component: svc-" + random.nextInt(catalog + 1) + "}\n");
      String text = yaml.toString();
      files.write("stacks/deploy/m" + m + ".yaml", random.nextInt(8) == 0 ? mutate(text, random) : text);
    }

    Object one = outcome(AtmosRepository.builder(dir).parallelism(1).build());
    Object four = outcome(AtmosRepository.builder(dir).parallelism(4).build());

    assertThat(four).isEqualTo(one);
  }

  /** The snapshot, or the problems of the exception. */
  private static Object outcome(AtmosRepository repository) {
    try {
      return repository.load();
    } catch (ConvergeException e) {
      return e.problems();
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
