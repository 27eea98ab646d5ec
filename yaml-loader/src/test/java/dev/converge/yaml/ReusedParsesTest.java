package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.converge.diagnostic.ConvergeException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtmosRepository.Builder#reuseParses}: loads that take the stack files an earlier load
 * parsed, where their text is unchanged, give the snapshots and problems fresh loads give.
 */
class ReusedParsesTest {

  @TempDir Path dir;
  private RepoFiles repo;

  private static final String CATALOG = """
      components:
        terraform:
          vpc-defaults:
            metadata: {type: abstract, component: vpc}
            vars: {cidr: 10.0.0.0/16, tags: {team: net}}
          vpc:
            metadata: {component: vpc, inherits: [vpc-defaults]}
      """;

  private static String stack(String stage, String cidr) {
    return """
        import: [catalog/vpc]
        vars: {stage: %s, region: us-east-1}
        components:
          terraform:
            vpc:
              vars: {cidr: %s}
        """.formatted(stage, cidr);
  }

  @BeforeEach
  void setUp() {
    repo = RepoFiles.in(dir)
        .write("stacks/catalog/vpc.yaml", CATALOG)
        .write("stacks/deploy/dev.yaml", stack("dev", "10.1.0.0/16"))
        .write("stacks/deploy/prod.yaml", stack("prod", "10.2.0.0/16"));
    repo.commit("first");
    repo.write("stacks/deploy/dev.yaml", stack("dev", "10.9.0.0/16"));
    repo.commit("dev's cidr");
    repo.write("stacks/deploy/prod.yaml", stack("prod", "10.8.0.0/16")); // not committed
  }

  private static AtmosRepository fresh(Path root) {
    return AtmosRepository.builder(root).build();
  }

  private static void assertSameSnapshot(AtmosSnapshot reused, AtmosSnapshot fresh) {
    assertThat(reused.desiredState()).isEqualTo(fresh.desiredState());
    assertThat(reused.components()).isEqualTo(fresh.components());
    assertThat(reused.manifests()).isEqualTo(fresh.manifests());
    assertThat(reused.warnings()).isEqualTo(fresh.warnings());
  }

  @Test
  void loads_oneAfterAnother_equalFreshLoads() {
    AtmosRepository reusing = AtmosRepository.builder(dir).reuseParses(true).build();

    AtmosSnapshot base = reusing.load("HEAD~1");
    AtmosSnapshot head = reusing.load("HEAD");
    AtmosSnapshot working = reusing.load();
    AtmosSnapshot headAgain = reusing.load("HEAD");

    assertSameSnapshot(base, fresh(dir).load("HEAD~1"));
    assertSameSnapshot(head, fresh(dir).load("HEAD"));
    assertSameSnapshot(working, fresh(dir).load());
    assertSameSnapshot(headAgain, head);
    assertThat(head.desiredState()).isNotEqualTo(base.desiredState()); // the change is seen
    assertThat(working.desiredState()).isNotEqualTo(head.desiredState());
  }

  @Test
  void load_ofAFileThatDidNotParse_reportsItsProblemsAgain() {
    repo.write("stacks/deploy/broken.yaml", "vars: [unclosed\n");
    repo.commit("broken");
    AtmosRepository reusing = AtmosRepository.builder(dir).reuseParses(true).build();

    ConvergeException first = catchThrowableOfType(ConvergeException.class, () -> reusing.load("HEAD"));
    ConvergeException again = catchThrowableOfType(ConvergeException.class, () -> reusing.load("HEAD"));

    assertThat(first).isNotNull();
    assertThat(again).isNotNull();
    assertThat(again.problems()).isEqualTo(first.problems());
    assertThat(again.problems()).anySatisfy(p -> assertThat(p.rule()).isEqualTo("yaml-syntax"));
  }
}
