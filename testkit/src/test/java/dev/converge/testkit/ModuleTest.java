package dev.converge.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModuleTest {

  @Test
  void descriptor_exportsOnlyTheTestkit() {
    ModuleDescriptor descriptor = ModuleFinder.of(Path.of("target/classes"))
        .find("dev.converge.testkit").orElseThrow().descriptor();

    assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactly("dev.converge.testkit");
  }
}
