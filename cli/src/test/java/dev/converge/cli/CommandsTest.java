package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import dev.converge.testkit.ScratchRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every command against a real git repository made from the example estate. */
class CommandsTest {

  static final Path EXAMPLE = Path.of("..", "examples", "infra");

  static final String T0 = "2026-11-26T10:00:00Z";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  ScratchRepository repo;

  record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    repo = ScratchRepository.create(EXAMPLE, dir.resolve("infra"));
  }

  @AfterEach
  void tearDown() {
    repo.close();
  }

  @Test
  void json_isStreamedWholeWithOneFinalNewline_andParsesAsOneDocument() throws Exception {
    Result plan = converge("plan", "--format", "json", "--at", T0);

    assertThat(plan.exit()).isZero();
    assertThat(plan.out()).startsWith("{\n  \"").endsWith("}\n").doesNotEndWith("\n\n");
    assertThat(plan.json().get("next")).isNotNull();
    assertThat(converge("status", "--format", "json", "--at", T0).json().isObject()).isTrue();
  }

  @Test
  void outOfMemory_saysHowBigTheHeapWasAndHowToGiveItMore() {
    String message = Converge.outOfMemory(4L * 1024 * 1024 * 1024);

    assertThat(message).startsWith("converge: out of memory").contains("(4096 MB)")
        .contains("CONVERGE_JAVA_OPTIONS=-Xmx8g").contains("java -Xmx8g -jar converge.jar");
  }

  Result converge(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--repo");
    all.add(repo.root().toString());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Converge.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    return new Result(exit, out.toString(), err.toString());
  }

  /** Records a successful deployment of every action in next, as CI would after applying it. */
  void deployNext(String at) throws Exception {
    for (JsonNode action : converge("plan", "--format", "json", "--at", at).json().get("next")) {
      Result recorded = converge("record", "deployment", "--stack", action.get("stack").asText(),
          "--component", action.get("component").asText(), "--outcome", "success", "--at", at);
      assertThat(recorded.exit()).as(recorded.err()).isZero();
    }
  }

  @Nested
  class Plan {

    @Test
    void plan_timeZero_onlyDevMayRun() throws Exception {
      JsonNode plan = converge("plan", "--format", "json", "--at", T0).json();

      assertThat(plan.get("schema").asText()).isEqualTo("converge.plan/v1");
      assertThat(plan.get("next")).isNotEmpty().allSatisfy(a -> assertThat(a.get("environment").asText()).isEqualTo("dev"));
      assertThat(plan.get("environments")).extracting(e -> e.get("gate").get("state").asText())
          .containsExactly("open", "waiting_upstream", "waiting_upstream");
    }

    @Test
    void plan_text_readableTablePerEnvironment() {
      Result result = converge("plan", "--at", T0);

      assertThat(result.exit()).isZero();
      assertThat(result.out()).contains("dev  open", "staging  waiting_upstream", "wave 1  create  dev/us-east-1  vpc")
          .contains("vpc-experiment");
    }

    @Test
    void plan_github_matrixOfNext() throws Exception {
      JsonNode matrix = converge("plan", "--format", "github", "--at", T0).json();

      assertThat(matrix.get("include")).isNotEmpty()
          .allSatisfy(a -> assertThat(a.get("environment").asText()).isEqualTo("dev"));
    }

    @Test
    void plan_mermaid_pipelineWithGates() {
      Result result = converge("plan", "--format", "mermaid", "--at", T0);

      assertThat(result.exit()).isZero();
      assertThat(result.out()).startsWith("flowchart LR").contains("env_dev --> env_staging", "env_staging --> env_prod")
          .contains("dev<br/>open");
    }

    @Test
    void record_jsonFormat_notSupportedExitsTwo() {
      Result result = converge("record", "approval", "--environment", "prod", "--approver", "alice", "--format", "json");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("record does not support --format json");
    }

    @Test
    void plan_badInstant_exitsTwoNamingTheForm() {
      Result result = converge("plan", "--at", "tomorrow");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("'tomorrow' is not an instant");
    }

    @Test
    void plan_brokenStack_exitsTwoNamingFileLineAndColumn() throws Exception {
      repo.write("stacks/dev/eu-west-1.yaml", "import:\n  - catalog/vpc\nvars: [unclosed\n");
      repo.commit("a broken stack");

      Result result = converge("plan");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("stacks/dev/eu-west-1.yaml:").doesNotContain("Exception");
    }

    @Test
    void plan_afterDevDeployedAndChecked_stagingSoaksThenOpens() throws Exception {
      deployNext(T0);
      deployNext("2026-11-26T10:01:00Z");
      deployNext("2026-11-26T10:02:00Z");
      assertThat(converge("record", "check", "--environment", "dev", "--check", "smoke", "--outcome", "success",
          "--at", "2026-11-26T10:05:00Z").exit()).isZero();

      JsonNode soaking = converge("plan", "--format", "json", "--at", "2026-11-26T10:06:00Z").json();
      JsonNode staging = soaking.get("environments").get(1);
      assertThat(staging.get("gate").get("state").asText()).isEqualTo("soaking");
      assertThat(staging.get("gate").get("opens_at").asText()).isEqualTo("2026-11-26T10:25:00Z");

      JsonNode open = converge("plan", "--format", "json", "--at", "2026-11-26T10:25:00Z").json();
      assertThat(open.get("next")).isNotEmpty()
          .allSatisfy(a -> assertThat(a.get("environment").asText()).isEqualTo("staging"));
    }
  }

  @Nested
  class Status {

    @Test
    void status_json_oneClassPerComponent() throws Exception {
      JsonNode status = converge("status", "--format", "json", "--at", T0).json();

      assertThat(status.get("schema").asText()).isEqualTo("converge.status/v1");
      assertThat(status.get("components")).extracting(c -> c.get("component").asText())
          .contains("vpc", "eks", "monitoring", "database", "dns", "critical-service");
      assertThat(status.get("components")).filteredOn(c -> c.get("component").asText().equals("database"))
          .singleElement().satisfies(c -> {
            assertThat(c.get("class").asText()).isEqualTo("planned");
            assertThat(c.get("converge_by").asText()).isEqualTo("2027-01-15");
          });
      assertThat(status.get("components")).filteredOn(c -> c.get("component").asText().equals("vpc"))
          .singleElement().satisfies(c -> assertThat(c.get("class").asText()).isEqualTo("experiment"));
    }

    @Test
    void status_mermaid_pipelineGraph() {
      Result result = converge("status", "--format", "mermaid", "--at", T0);

      assertThat(result.exit()).isZero();
      assertThat(result.out()).contains("dev").contains("-->");
    }
  }

  @Nested
  class Describe {

    @Test
    void describeComponent_experimentPin_folderWorkspaceAndDigests() throws Exception {
      JsonNode vpc = converge("describe", "component", "vpc", "--stack", "dev/us-east-1", "--format", "json").json();

      assertThat(vpc.get("folder").asText()).isEqualTo("vpc-experiment");
      assertThat(vpc.get("workspace").asText()).isEqualTo("dev-us-east-1");
      assertThat(vpc.get("vars").get("cidr_block").asText()).isEqualTo("10.10.0.0/16");
      assertThat(vpc.get("source_digest").asText()).hasSize(40);
      assertThat(vpc.get("config_digest").asText()).hasSize(64);
    }

    @Test
    void describeComponent_deferredYamlFunction_shownAsTheFunctionNotAsAString() throws Exception {
      repo.write("stacks/dev/us-east-1.yaml", repo.read("stacks/dev/us-east-1.yaml")
          .replace("        enable_nat_gateway: false\n",
              "        enable_nat_gateway: false\n        peer_vpc_id: !terraform.output network vpc_id\n"));
      repo.commit("peer with the network stack's vpc");

      JsonNode vpc = converge("describe", "component", "vpc", "--stack", "dev/us-east-1", "--format", "json").json();
      Result text = converge("describe", "component", "vpc", "--stack", "dev/us-east-1");

      JsonNode peer = vpc.get("vars").get("peer_vpc_id");
      assertThat(peer.get("deferred").asText()).isEqualTo("!terraform.output");
      assertThat(peer.get("arguments").asText()).isEqualTo("network vpc_id");
      assertThat(peer.get("location").asText()).startsWith("stacks/dev/us-east-1.yaml");
      assertThat(text.exit()).as(text.err()).isZero();
      // the YAML Atmos reads as the same function: the tag applied to its arguments
      assertThat(text.out()).contains("peer_vpc_id: !terraform.output 'network vpc_id'");
      assertThat(text.out()).as("sections that share one empty map print as {}, not as YAML anchors")
          .doesNotContain("&id").doesNotContain("*id");
    }

    @Test
    void describeComponent_execFunction_deferredUnlessAllowed() throws Exception {
      repo.write("stacks/dev/us-east-1.yaml", repo.read("stacks/dev/us-east-1.yaml")
          .replace("        enable_nat_gateway: false\n", "        enable_nat_gateway: false\n        built_by: !exec printf ci\n"));
      repo.commit("a value from a command");

      JsonNode deferred = converge("describe", "component", "vpc", "--stack", "dev/us-east-1", "--format", "json").json();
      JsonNode run = converge("describe", "component", "vpc", "--stack", "dev/us-east-1", "--format", "json",
          "--allow-exec").json();

      assertThat(deferred.get("vars").get("built_by").get("deferred").asText()).isEqualTo("!exec");
      assertThat(run.get("vars").get("built_by").asText()).isEqualTo("ci");
    }

    @Test
    void describeComponent_unknownStack_exitsTwoWithDidYouMean() {
      Result result = converge("describe", "component", "vpc", "--stack", "dev/us-east-2");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("dev/us-east-2").contains("Did you mean");
    }

    @Test
    void describeStacks_everyStack() throws Exception {
      JsonNode stacks = converge("describe", "stacks", "--format", "json").json();

      assertThat(stacks.fieldNames()).toIterable().containsExactlyInAnyOrder(
          "dev/eu-west-1", "dev/us-east-1", "staging/eu-west-1", "staging/us-east-1", "prod/eu-west-1", "prod/us-east-1");
    }
  }

  @Nested
  class Ledger {

    @Test
    void verify_recordsWritten_intact() {
      converge("record", "approval", "--environment", "prod", "--approver", "alice", "--at", T0);
      converge("record", "hold", "--environment", "prod", "--reason", "incident 42", "--at", T0);

      Result result = converge("ledger", "verify");

      assertThat(result.exit()).isZero();
      assertThat(result.out()).contains("2 records, 2 chained, intact");
    }

    @Test
    void verify_editedLine_exitsOneNamingTheLine() throws Exception {
      converge("record", "approval", "--environment", "prod", "--approver", "alice", "--at", T0);
      converge("record", "approval", "--environment", "prod", "--approver", "bob", "--at", T0);
      Path ledger = repo.root().resolve(".converge/ledger.jsonl");
      Files.writeString(ledger, Files.readString(ledger).replaceFirst("alice", "mallory"));

      Result result = converge("ledger", "verify");

      assertThat(result.exit()).isEqualTo(1);
      assertThat(result.out()).contains("broken at line 1");
    }

    @Test
    void verify_noLedgerFile_exitsTwoSayingWhere() {
      Result result = converge("ledger", "verify");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("no ledger file at").contains(".converge/ledger.jsonl");
    }

    @Test
    void hold_environment_planShowsHeld() throws Exception {
      converge("record", "hold", "--environment", "dev", "--reason", "incident 42", "--at", T0);

      JsonNode plan = converge("plan", "--format", "json", "--at", T0).json();

      assertThat(plan.get("environments").get(0).get("gate").get("state").asText()).isEqualTo("held");
      assertThat(plan.get("next")).isEmpty();
    }

    @Test
    void recordDeployment_unknownInstance_exitsTwo() {
      Result result = converge("record", "deployment", "--stack", "dev/us-east-1", "--component", "vcp",
          "--outcome", "success");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("dev/us-east-1:vcp");
    }

    @Test
    void recordDeployment_abstractBase_refusedAsNotDeployable() {
      Result result = converge("record", "deployment", "--stack", "dev/us-east-1", "--component", "vpc-defaults",
          "--outcome", "success");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("no deployable instance dev/us-east-1:vpc-defaults");
    }
  }

  @Nested
  class Affected {

    @Test
    void affected_catalogChange_everyEnvironmentWithReason() throws Exception {
      repo.write("stacks/catalog/eks.yaml", repo.read("stacks/catalog/eks.yaml").replace("\"1.30\"", "\"1.31\""));
      repo.commit("EKS 1.31");

      JsonNode affected = converge("affected", "--base", "HEAD~1", "--format", "json").json();

      assertThat(affected.get("schema").asText()).isEqualTo("converge.affected/v1");
      assertThat(affected.get("affected")).extracting(a -> a.get("environment").asText())
          .contains("dev", "staging", "prod");
      assertThat(affected.get("affected")).extracting(a -> a.get("component").asText())
          .contains("eks", "monitoring");
    }
  }

  @Nested
  class Rollback {

    @Test
    void rollback_twoDeployments_returnsToTheEarlier() throws Exception {
      converge("record", "deployment", "--stack", "prod/us-east-1", "--component", "eks", "--outcome", "success",
          "--at", T0);
      repo.write("stacks/catalog/eks.yaml", repo.read("stacks/catalog/eks.yaml").replace("\"1.30\"", "\"1.31\""));
      String second = repo.commit("EKS 1.31");
      converge("record", "deployment", "--stack", "prod/us-east-1", "--component", "eks", "--outcome", "success",
          "--at", "2026-11-26T12:00:00Z");

      JsonNode rollback = converge("rollback", "--environment", "prod", "--component", "eks",
          "--stack", "prod/us-east-1", "--format", "json", "--at", "2026-11-26T13:00:00Z").json();

      JsonNode target = rollback.get("targets").get(0);
      assertThat(target.get("current").get("revision").asText()).isEqualTo(second);
      assertThat(target.get("target").get("revision").asText()).isNotEqualTo(second);
    }
  }

  @Nested
  class Metrics {

    @Test
    void metrics_text_countsTheDeploymentsRecordedInThePeriod() throws Exception {
      int dev = converge("plan", "--format", "json", "--at", T0).json().get("next").size();
      deployNext(T0);

      Result result = converge("metrics", "--since", "2026-11-26T00:00:00Z", "--until", "2026-11-27T00:00:00Z");

      assertThat(result.exit()).as(result.err()).isZero();
      assertThat(dev).isPositive();
      // the scratch repository's commit landed at 09:00 (ScratchRepository.LANDED), deployed at 10:00
      assertThat(result.out())
          .contains("dev  deployments " + dev + " (" + dev + ".00/day)  lead time median 1h, longest 1h  change failure rate 0%")
          .contains("staging  deployments 0 (0.00/day)  lead time -  change failure rate -  time to restore -")
          .contains("prod (production)  deployments 0")
          .contains("staging  behind trunk 0")
          .contains("planned divergences ");
    }

    @Test
    void metrics_json_leadTimeAndDivergence() throws Exception {
      int dev = converge("plan", "--format", "json", "--at", T0).json().get("next").size();
      deployNext(T0);

      JsonNode json = converge("metrics", "--since", "2026-11-26T00:00:00Z", "--until", "2026-11-27T00:00:00Z",
          "--format", "json").json();

      assertThat(json.get("schema").asText()).isEqualTo("converge.metrics/v1");
      assertThat(json.get("production").asText()).isEqualTo("prod");
      JsonNode first = json.get("environments").get(0);
      assertThat(first.get("name").asText()).isEqualTo("dev");
      assertThat(first.get("deployments").asInt()).isEqualTo(dev);
      assertThat(first.get("lead_time").get("measured").asInt()).isEqualTo(dev);
      assertThat(first.get("lead_time").get("median").asText()).isEqualTo("PT1H");
      assertThat(json.get("divergence").get("at").asText()).isEqualTo("2026-11-27T00:00:00Z");
      assertThat(json.get("divergence").get("environments")).extracting(e -> e.get("name").asText())
          .containsExactly("dev", "staging", "prod");
    }

    @Test
    void metrics_backwardPeriod_isAUsageError() {
      Result result = converge("metrics", "--since", "2026-11-27T00:00:00Z", "--until", "2026-11-26T00:00:00Z");

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("--since (2026-11-27T00:00:00Z) must be before --until");
    }
  }
  @Nested
  class Forecasts {

    @Test
    void forecast_text_timelinePerEnvironmentWithAssumptions() {
      Result result = converge("forecast", "--at", T0);

      assertThat(result.exit()).as(result.err()).isZero();
      assertThat(result.out()).startsWith("Forecast for ").contains("Converged by ")
          .contains("prod  finishes ").contains("approval from ").contains("(a person)")
          .contains("Assumptions:");
    }

    @Test
    void forecast_json_schemaConvergenceAndAPersonWait() throws Exception {
      JsonNode forecast = converge("forecast", "--format", "json", "--at", T0).json();

      assertThat(forecast.get("schema").asText()).isEqualTo("converge.forecast/v1");
      assertThat(forecast.get("converged_at").asText()).isGreaterThan(T0);
      assertThat(forecast.get("environments")).extracting(e -> e.get("name").asText())
          .containsExactly("dev", "staging", "prod");
      JsonNode prodWaits = forecast.get("environments").get(2).get("waves").get(0).get("waits");
      assertThat(prodWaits).anySatisfy(w -> {
        assertThat(w.get("kind").asText()).isEqualTo("approval");
        assertThat(w.get("on_person").asBoolean()).isTrue();
        assertThat(w.has("until")).isFalse();
      });
    }

    @Test
    void forecast_markdown_tableOfWaves() {
      Result result = converge("forecast", "--format", "markdown", "--at", T0, "--default-duration", "5m");

      assertThat(result.exit()).as(result.err()).isZero();
      assertThat(result.out()).startsWith("### Rollout forecast for `")
          .contains("| environment | wave | starts | finishes | waited on | instances |")
          .contains("dev 5m (default: no history)");
    }

    @Test
    void forecast_mermaid_isAUsageError() {
      Result result = converge("forecast", "--format", "mermaid", "--at", T0);

      assertThat(result.exit()).isEqualTo(2);
      assertThat(result.err()).contains("forecast does not support --format mermaid");
    }
  }
}
