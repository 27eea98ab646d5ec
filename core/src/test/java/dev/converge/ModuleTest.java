package dev.converge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The jar exports its API packages and nothing else: internals stay internal. */
class ModuleTest {

  @Test
  void descriptor_exportsExactlyTheApiPackages() {
    ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
        .find("dev.converge.core").orElseThrow().descriptor();

    Set<String> exported = descriptor.exports().stream().filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());

    assertThat(exported).containsExactlyInAnyOrder(
        "dev.converge",
        "dev.converge.affected",
        "dev.converge.convergence",
        "dev.converge.diagnostic",
        "dev.converge.estate",
        "dev.converge.forecast",
        "dev.converge.ledger",
        "dev.converge.lint",
        "dev.converge.metrics",
        "dev.converge.model",
        "dev.converge.pipeline",
        "dev.converge.plan",
        "dev.converge.rollback");
    assertThat(descriptor.packages()).contains("dev.converge.internal.plan", "dev.converge.internal.value",
        "dev.converge.internal.convergence", "dev.converge.internal.lint", "dev.converge.internal.affected",
        "dev.converge.internal.graph", "dev.converge.internal.forecast");
  }
}
