package dev.converge.yaml;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DebugTest {
  @Test
  void debug() {
    String fx = System.getProperty("fx", "metadata");
    try {
      AtmosSnapshot s = AtmosRepository.open(Path.of("src/test/resources/conformance/atmos/" + fx + "/repo")).load();
      s.components().forEach(c -> System.out.println(c.id() + " " + c.configuration()));
      s.warnings().forEach(w -> System.out.println("WARN " + w.render()));
    } catch (RuntimeException e) {
      e.printStackTrace(System.out);
    }
  }
}
