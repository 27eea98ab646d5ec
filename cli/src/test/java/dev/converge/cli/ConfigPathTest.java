package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.testkit.ScratchRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --config-path} and {@code ATMOS_CLI_CONFIG_PATH}: the example estate with its atmos.yaml
 * moved into {@code config/} (with {@code base_path: ".."}), in a real git repository.
 */
class ConfigPathTest {

  static final List<String> STACKS = List.of("dev/eu-west-1", "dev/us-east-1", "staging/eu-west-1",
      "staging/us-east-1", "prod/eu-west-1", "prod/us-east-1");

  @TempDir
  Path dir;

  ScratchRepository repo;

  record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return new ObjectMapper().readTree(out);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    repo = ScratchRepository.create(CommandsTest.EXAMPLE, dir.resolve("infra"));
    String atmos = repo.read("atmos.yaml").replace("base_path: \".\"", "base_path: \"..\"");
    Files.createDirectories(repo.root().resolve("config"));
    repo.write("config/atmos.yaml", atmos);
    Files.delete(repo.root().resolve("atmos.yaml"));
    repo.commit("atmos.yaml in config/");
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  Result converge(Map<String, String> environment, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--repo");
    all.add(repo.root().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true), environment,
        all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  @Test
  void describeStacks_configPathOption_readsTheMovedConfig() throws Exception {
    Result result = converge(Map.of(), "describe", "stacks", "--format", "json", "--config-path", "config");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.json().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(STACKS);
  }

  @Test
  void describeStacks_atmosCliConfigPathVariable_readsTheMovedConfig() throws Exception {
    Result result = converge(Map.of("ATMOS_CLI_CONFIG_PATH", "config/atmos.yaml"), "describe", "stacks",
        "--format", "json");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.json().fieldNames()).toIterable().containsExactlyInAnyOrderElementsOf(STACKS);
  }

  @Test
  void describeStacks_withoutEither_atmosDefaultsFindNoManifest() {
    Result result = converge(Map.of(), "describe", "stacks", "--format", "json");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("no-stack-manifests").doesNotContain("Exception");
  }

  @Test
  void describeStacks_configPathNamingNothing_exitsTwoSayingSo() {
    Result result = converge(Map.of(), "describe", "stacks", "--config-path", "nowhere");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("config path `nowhere` names no atmos.yaml").doesNotContain("Exception");
  }

  @Test
  void affected_configPath_changedFilesMatchTheSnapshotsPaths() throws Exception {
    repo.write("stacks/catalog/eks.yaml", repo.read("stacks/catalog/eks.yaml").replace("\"1.30\"", "\"1.31\""));
    repo.commit("EKS 1.31");

    Result result = converge(Map.of(), "affected", "--base", "HEAD~1", "--format", "json", "--config-path", "config");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.json().get("affected")).extracting(a -> a.get("component").asText()).contains("eks");
  }
}
