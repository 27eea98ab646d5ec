package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The jar exports its API packages and nothing else: internals stay internal. */
class ModuleTest {

  @Test
  void descriptor_exportsExactlyTheApiPackages() {
    ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
        .find("dev.converge.yaml").orElseThrow().descriptor();

    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("dev.converge.yaml");
    assertThat(descriptor.packages()).contains("dev.converge.yaml.internal.atmos", "dev.converge.yaml.internal.yaml");
  }
}
