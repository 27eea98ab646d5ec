package dev.converge.runner;

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
        .find("dev.converge.runner").orElseThrow().descriptor();

    Set<String> exported = descriptor.exports().stream()
        .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());

    assertThat(exported).containsExactlyInAnyOrder("dev.converge.runner", "dev.converge.runner.ledger");
    assertThat(descriptor.packages()).contains(
        "dev.converge.runner.internal.json",
        "dev.converge.runner.internal.process",
        "dev.converge.runner.internal.terraform");
  }
}
