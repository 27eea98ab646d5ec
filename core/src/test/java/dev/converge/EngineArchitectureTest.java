package dev.converge;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import dev.converge.affected.Affected;
import dev.converge.convergence.Convergence;
import dev.converge.forecast.Forecaster;
import dev.converge.ledger.Ledger;
import dev.converge.lint.Linter;
import dev.converge.model.FolderClassifier;
import dev.converge.pipeline.Pipeline;
import dev.converge.rollback.Rollback;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Random;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The engine is a function: no I/O, environment reads, wall clock, randomness or threads in the
 * model, ledger, pipeline, plan, convergence, lint, affected, rollback, metrics, forecast or internal engine packages.
 */
class EngineArchitectureTest {

  static final String[] ENGINE = {
      "dev.converge", "dev.converge.model..", "dev.converge.ledger..", "dev.converge.pipeline..",
      "dev.converge.plan..", "dev.converge.convergence..", "dev.converge.lint..", "dev.converge.affected..",
      "dev.converge.rollback..", "dev.converge.metrics..", "dev.converge.estate..", "dev.converge.forecast..", "dev.converge.internal.."};

  static final JavaClasses CORE = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.converge");

  @Test
  void engine_touchesNoIoClockRandomnessOrThreads() {
    ArchRule rule = noClasses().that().resideInAnyPackage(ENGINE)
        .should().dependOnClassesThat().resideInAnyPackage(
            "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..", "java.util.concurrent..",
            "java.util.random..", "java.lang.management..")
        .orShould().dependOnClassesThat().belongToAnyOf(
            Clock.class, Random.class, SecureRandom.class, Thread.class, ThreadLocal.class,
            ProcessBuilder.class, Process.class, Runtime.class)
        .orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().callMethod(System.class, "nanoTime")
        .orShould().callMethod(System.class, "getenv")
        .orShould().callMethod(System.class, "getenv", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class)
        .orShould().callMethod(System.class, "getProperty", String.class, String.class)
        .orShould().callMethod(Math.class, "random")
        .orShould().callMethod(UUID.class, "randomUUID")
        .orShould().callMethod(Instant.class, "now")
        .orShould().callMethod(LocalDate.class, "now")
        .orShould().callMethod(LocalTime.class, "now")
        .orShould().callMethod(LocalDateTime.class, "now")
        .orShould().callMethod(ZonedDateTime.class, "now")
        .orShould().callMethod(OffsetDateTime.class, "now")
        .because("the engine is a function of its inputs (STYLE.md): now is an Instant in the request");

    rule.check(CORE);
  }

  @Test
  void entryPoints_neverReachIntoEachOthersInternals() {
    // each entry point (planner, convergence, lint, affected, forecast) owns its internal package;
    // another reaches it only through its public entry point. Shared helpers live in
    // internal.value, .graph, .text, .hint and .version.
    ArchRule rule = com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
        .matching("dev.converge.internal.(plan|convergence|lint|affected|forecast)..")
        .should().notDependOnEachOther()
        .because("an internal package serves its own entry point; the others call that entry point");
    rule.check(CORE);
  }

  /** Each entry point's internal package, and the one public class through which it is reached. */
  static final Map<String, Class<?>> FRONT_DOORS = Map.of(
      "dev.converge.internal.plan..", RolloutPlanner.class,
      "dev.converge.internal.convergence..", Convergence.class,
      "dev.converge.internal.lint..", Linter.class,
      "dev.converge.internal.forecast..", Forecaster.class,
      "dev.converge.internal.affected..", Affected.class);

  @Test
  void engineInternals_areReachedOnlyThroughTheirFrontDoor() {
    FRONT_DOORS.forEach((internal, door) -> classes().that().resideInAPackage(internal)
        .should().onlyBeAccessed().byClassesThat(resideInAPackage("dev.converge.internal..").or(belongToAnyOf(door)))
        .because("the engine context (Engine) is the only way in: " + door.getSimpleName()
            + " is its view for this question, and nothing else reaches " + internal)
        .check(CORE));
  }

  @Test
  void frontDoors_holdTheEngineContextNotTheirOwnSetUp() {
    // the pipeline, ledger, classifier and instant are set once, in Engine; a front door is a view
    // of it (Affected also keeps the base revision's folders, Forecaster its own two options)
    for (Class<?> door : List.of(RolloutPlanner.class, Convergence.class, Linter.class, Forecaster.class,
        Rollback.class, Affected.class)) {
      fields().that().areDeclaredIn(door).and().areNotStatic()
          .should().notHaveRawType(Pipeline.class)
          .andShould().notHaveRawType(Ledger.class)
          .andShould().notHaveRawType(FolderClassifier.class)
          .andShould().notHaveRawType(Instant.class)
          .andShould().notHaveRawType(Optional.class)
          .because(door.getSimpleName() + " reads its set-up from the Engine it holds")
          .check(CORE);
      fields().that().areDeclaredIn(door).and().haveRawType(Engine.class).should().beFinal()
          .allowEmptyShould(false)
          .because(door.getSimpleName() + " is a view of one Engine")
          .check(CORE);
    }
  }
}
