package dev.converge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.runner.ledger.LedgerFile;
import dev.converge.runner.testing.FakeTerraformInstall;
import dev.converge.testkit.ScratchRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunnerWithListenerIT {

  @TempDir
  Path dir;

  @Test
  void runDev_fakeTerraform_listenerSeesEveryApply() throws Exception {
    try (ScratchRepository repo = ScratchRepository.create(Path.of("infra"), dir.resolve("infra"))) {
      Path terraform = FakeTerraformInstall.into(Files.createDirectories(dir.resolve("bin")));
      LedgerFile ledger = LedgerFile.at(dir.resolve("ledger.jsonl"));

      List<String> progress = RunnerWithListener.runDev(repo.root(), terraform.toString(), ledger);

      assertThat(progress).contains("dev/us-east-1:vpc applied", "dev/eu-west-1:vpc applied")
          .anySatisfy(line -> assertThat(line).startsWith("dev/us-east-1:vpc planned: "))
          .last().isEqualTo("6 actions, all succeeded");
      assertThat(ledger.load().size()).isEqualTo(6);
    }
  }
}
