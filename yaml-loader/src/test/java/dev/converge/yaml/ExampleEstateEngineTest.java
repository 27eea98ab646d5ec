package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.convergence.ComponentStatus;
import dev.converge.convergence.Convergence;
import dev.converge.convergence.ConvergenceReport;
import dev.converge.convergence.DivergenceClass;
import dev.converge.diagnostic.Problem;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.lint.LintRule;
import dev.converge.lint.Linter;
import dev.converge.model.FolderInventory;
import dev.converge.model.Instance;
import dev.converge.model.VendoredFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine on the example estate ({@code examples/infra}), everything deployed at the loaded revision. */
class ExampleEstateEngineTest {

  static final Path ESTATE = Path.of("..", "examples", "infra");
  static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  static AtmosSnapshot estate;
  static FolderInventory folders;

  @BeforeAll
  static void load() {
    estate = AtmosRepository.open(ESTATE).load();
    FolderInventory.Builder inventory = FolderInventory.builder();
    Path base = ESTATE.resolve("components/terraform");
    try (Stream<Path> files = Files.walk(base)) {
      files.filter(Files::isRegularFile).map(f -> base.relativize(f.getParent()).toString().replace('\\', '/'))
          .filter(f -> !f.isEmpty()).distinct().forEach(inventory::addFolder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    estate.vendorPins().forEach(p -> inventory.addVendored(
        VendoredFolder.builder().folder(p.folder()).version(p.version()).source(p.source()).build()));
    folders = inventory.build();
  }

  static Ledger everythingDeployed() {
    List<LedgerRecord> records = estate.desiredState().instances().stream().filter(Instance::isDeployable)
        .map(i -> (LedgerRecord) Deployment.builder().at(NOW.minusSeconds(600)).instance(i.id()).folder(i.folder())
            .revision(estate.desiredState().revision().id()).sourceDigest(i.sourceDigest()).configDigest(i.configDigest())
            .outcome(Outcome.SUCCESS).build())
        .toList();
    return Ledger.of(records);
  }

  @Test
  void status_everythingDeployed_oneClassPerComponentAsTheReadmeDescribes() {
    ConvergenceReport report = Convergence.of(estate.pipeline().orElseThrow()).withLedger(everythingDeployed())
        .withFolders(folders).at(NOW).report(estate.desiredState());
    boolean pinDeclared = estate.pipeline().orElseThrow().divergences().stream()
        .anyMatch(d -> d.component().filter("critical-service"::equals).isPresent());

    assertThat(report.components()).extracting(ComponentStatus::component, ComponentStatus::divergenceClass).containsExactly(
        org.assertj.core.groups.Tuple.tuple("critical-service", pinDeclared ? DivergenceClass.PLANNED : DivergenceClass.UNDECLARED),
        org.assertj.core.groups.Tuple.tuple("database", DivergenceClass.PLANNED),
        org.assertj.core.groups.Tuple.tuple("dns", DivergenceClass.PLANNED),
        org.assertj.core.groups.Tuple.tuple("eks", DivergenceClass.CONVERGED),
        org.assertj.core.groups.Tuple.tuple("monitoring", DivergenceClass.CONVERGED),
        org.assertj.core.groups.Tuple.tuple("vpc", DivergenceClass.EXPERIMENT));
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void lint_exampleEstate_onlyAPinnedCriticalServiceWhoseWorkspaceMoves() {
    List<Problem> problems = Linter.of(estate.pipeline().orElseThrow()).withFolders(folders).at(NOW)
        .lint(estate.desiredState());

    List<String> moved = estate.desiredState().instances().stream()
        .filter(i -> i.folder().equals("critical-service-v1.2.3"))
        .filter(i -> i.workspace().orElse("").endsWith("-critical-service"))
        .map(Instance::stack).sorted().toList();
    assertThat(problems).extracting(p -> p.rule() + " " + p.stack().orElseThrow() + " " + p.component().orElseThrow())
        .containsExactlyElementsOf(moved.stream().map(s -> LintRule.STATE_KEY_STABILITY.id() + " " + s + " critical-service").toList());
    problems.forEach(p -> assertThat(p.message()).contains("instead of `" + p.stack().orElseThrow().replace('/', '-') + "`")
        .doesNotContain("workspace_key_prefix"));
  }
}
