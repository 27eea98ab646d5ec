package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.runner.testing.FakeTerraformInstall;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.converge.testkit.ScratchRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code converge run} with the Terraform test double as a real process, on the example estate. */
class RunCommandIT {

  static final Path EXAMPLE = Path.of("..", "examples", "infra");

  @TempDir
  Path dir;

  ScratchRepository repo;
  Path terraform;

  @BeforeEach
  void setUp() throws Exception {
    repo = ScratchRepository.create(EXAMPLE, dir.resolve("infra"));
    terraform = FakeTerraformInstall.into(Files.createDirectories(dir.resolve("bin")));
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  String[] args(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--repo";
    all[args.length + 1] = repo.root().toString();
    return all;
  }

  @Test
  void run_dev_appliesTheFirstWaveAndRecordsIt() throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true),
        args("run", "--environment", "dev", "--terraform", terraform.toString(), "--at", "2026-11-26T10:00:00Z"));

    assertThat(exit).as(err.toString()).isZero();
    assertThat(err.toString()).contains("dev/us-east-1:vpc started", "applied");
    assertThat(out.toString()).contains("dev: 6 actions, all succeeded");
    assertThat(Files.readAllLines(repo.root().resolve(".converge/ledger.jsonl")))
        .hasSize(6).allSatisfy(line -> assertThat(line).contains("\"outcome\":\"success\""));

    StringWriter plan = new StringWriter();
    Converge.run(new PrintWriter(plan, true), new PrintWriter(new StringWriter()),
        args("plan", "--format", "json", "--at", "2026-11-26T10:01:00Z"));
    JsonNode next = new ObjectMapper().readTree(plan.toString()).get("next");
    assertThat(next).isNotEmpty().allSatisfy(a -> assertThat(a.get("wave").asInt()).isEqualTo(1))
        .extracting(a -> a.get("component").asText()).contains("eks", "critical-service");
  }

  @Test
  void run_failingPlan_exitsOneAndRecordsFailures() throws Exception {
    repo.write("stacks/mixins/defaults.yaml", repo.read("stacks/mixins/defaults.yaml")
        + "\nenv:\n  FAKE_TF_FAIL: plan\n");
    repo.commit("make terraform plan fail");
    StringWriter err = new StringWriter();

    int exit = Converge.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        args("run", "--environment", "dev", "--terraform", terraform.toString(), "--at", "2026-11-26T10:00:00Z"));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("FAILED at plan");
    assertThat(Files.readString(repo.root().resolve(".converge/ledger.jsonl"))).contains("\"outcome\":\"failure\"");
  }
}
