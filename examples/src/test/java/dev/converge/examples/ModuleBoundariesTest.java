package dev.converge.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What one module may use of another: the command line and the runner reach the loader and the
 * engine through their public packages only. (The one shared internal package is core's
 * {@code internal.value}, the Immutables style, which core exports to Converge's own modules.)
 */
class ModuleBoundariesTest {

  static final JavaClasses ALL = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .withImportOption(location -> !location.contains("-tests.jar"))
      .importPackages("dev.converge");

  @Test
  void cliAndRunner_neverReachTheLoadersInternals() {
    noClasses().that().resideInAnyPackage("dev.converge.cli..", "dev.converge.runner..")
        .should().dependOnClassesThat().resideInAPackage("dev.converge.yaml.internal..")
        .because("the loader's API is dev.converge.yaml; its internals change without notice")
        .check(ALL);
  }

  @Test
  void loaderCliAndRunner_neverReachTheEnginesInternals() {
    noClasses().that().resideInAnyPackage("dev.converge.cli..", "dev.converge.runner..", "dev.converge.yaml..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.converge.internal.plan..",
            "dev.converge.internal.convergence..", "dev.converge.internal.lint..", "dev.converge.internal.affected..",
            "dev.converge.internal.forecast..", "dev.converge.internal.graph..", "dev.converge.internal.version..",
            "dev.converge.internal.text..")
        .because("the engine is reached through its entry points (Engine, RolloutPlanner, ...)")
        .check(ALL);
  }
}
