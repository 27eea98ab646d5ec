package dev.converge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.converge.testkit.ScratchRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --ledger} with every store on the example estate: the same records give the same plan
 * from a file, a git ref and a PostgreSQL table; {@code ledger copy} and {@code ledger log}.
 */
class LedgerStoresCommandTest {

  static final Path EXAMPLE = Path.of("..", "examples", "infra");
  static final String T0 = "2026-11-26T10:00:00Z";
  static final String T1 = "2026-11-26T12:00:00Z";
  static final String T2 = "2026-11-27T12:00:00Z";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  ScratchRepository repo;
  Path remote;

  record Result(int exit, String out, String err) {
    JsonNode json() throws Exception {
      return JSON.readTree(out);
    }
  }

  @BeforeEach
  void setUp() throws Exception {
    repo = ScratchRepository.create(EXAMPLE, dir.resolve("infra"));
    remote = dir.resolve("ledger.git");
    try (Repository bare = new FileRepositoryBuilder().setGitDir(remote.toFile()).setBare().build()) {
      bare.create(true);
    }
  }

  @AfterEach
  void tearDown() {
    repo.close();
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

  String file() {
    return repo.root().resolve(".converge/ledger.jsonl").toString();
  }

  String git() {
    return "git:" + dir.resolve("local") + "#" + remote.toUri();
  }

  /** A history in the file: dev deployed and checked, staging deployed, an approval, a hold. */
  void recordHistory() throws Exception {
    for (JsonNode action : converge("plan", "--format", "json", "--at", T0).json().get("next")) {
      Result recorded = converge("record", "deployment", "--stack", action.get("stack").asText(),
          "--component", action.get("component").asText(), "--outcome", "success", "--at", T0, "--actor", "ci");
      assertThat(recorded.exit()).as(recorded.err()).isZero();
    }
    assertThat(converge("record", "check", "--environment", "dev", "--check", "smoke", "--outcome", "success",
        "--at", T0).exit()).isZero();
    assertThat(converge("record", "approval", "--environment", "prod", "--approver", "alice", "--at", T1).exit()).isZero();
    assertThat(converge("record", "hold", "--environment", "staging", "--component", "vpc", "--reason", "incident 42",
        "--at", T1).exit()).isZero();
  }

  String plan(String ledger) {
    Result plan = converge("plan", "--format", "json", "--at", T2, "--ledger", ledger);
    assertThat(plan.exit()).as(plan.err()).isZero();
    return plan.out();
  }

  @Test
  void plan_sameRecordsInAGitRef_sameAsWithTheFile() throws Exception {
    recordHistory();

    Result copy = converge("ledger", "copy", file(), git());

    assertThat(copy.exit()).as(copy.err()).isZero();
    assertThat(copy.out()).contains("both chains intact");
    assertThat(plan(git())).isEqualTo(plan(file()));
    assertThat(converge("ledger", "log", "--ledger", git()).out().lines().toList())
        .isEqualTo(converge("ledger", "log", "--ledger", file()).out().lines().toList());
  }

  @Test
  void plan_sameRecordsInPostgres_sameAsWithTheFile() throws Exception {
    String url = System.getenv("CONVERGE_TEST_POSTGRES");
    if (url == null || url.isBlank()) {
      String how = "CONVERGE_TEST_POSTGRES is not set; start PostgreSQL and set it (see .ci/run and"
          + " terraform-runner's TestDatabase)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new AssertionError(how);
      }
      Assumptions.abort(how);
    }
    String table = "cli_plan_" + ProcessHandle.current().pid() + "_" + System.nanoTime() % 1_000_000_000L;
    String postgres = url + (url.contains("?") ? "&" : "?") + "table=" + table;
    try {
      recordHistory();

      Result copy = converge("ledger", "copy", file(), postgres);

      assertThat(copy.exit()).as(copy.err()).isZero();
      assertThat(plan(postgres)).isEqualTo(plan(file()));
      assertThat(converge("ledger", "verify", "--ledger", postgres).out()).contains("intact");
    } finally {
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS " + table);
        s.execute("DELETE FROM converge_schema WHERE ledger_table = '" + table + "'");
      }
    }
  }

  @Test
  void record_toAGitRef_plansFromIt() throws Exception {
    List<String> deployed = new ArrayList<>();
    for (JsonNode action : converge("plan", "--format", "json", "--at", T0, "--ledger", git()).json().get("next")) {
      Result recorded = converge("record", "deployment", "--stack", action.get("stack").asText(),
          "--component", action.get("component").asText(), "--outcome", "success", "--at", T0, "--ledger", git());
      assertThat(recorded.exit()).as(recorded.err()).isZero();
      deployed.add(action.get("stack").asText() + " " + action.get("component").asText());
    }

    JsonNode plan = converge("plan", "--format", "json", "--at", T0, "--ledger", git()).json();

    assertThat(plan.get("next")).extracting(a -> a.get("stack").asText() + " " + a.get("component").asText())
        .doesNotContainAnyElementsOf(deployed);
    assertThat(converge("ledger", "verify", "--ledger", git()).out()).contains(deployed.size() + " records");
    assertThat(Files.exists(Path.of(file()))).isFalse();
  }

  @Test
  void record_sameIdTwice_writesOnce() {
    Result first = converge("record", "approval", "--environment", "prod", "--approver", "alice", "--id", "run-7", "--at", T0);
    Result again = converge("record", "approval", "--environment", "prod", "--approver", "alice", "--id", "run-7", "--at", T1);

    assertThat(first.exit()).isZero();
    assertThat(again.out()).contains("on line 1").contains("(id run-7)");
    assertThat(converge("ledger", "verify").out()).contains("1 records");
  }

  @Test
  void log_gitStore_showsTheActorAndTheCommitter() throws Exception {
    Path local = dir.resolve("alice");
    try (Repository copy = new FileRepositoryBuilder().setGitDir(local.toFile()).setBare().build()) {
      copy.create(true);
      copy.getConfig().setString("user", null, "name", "Alice");
      copy.getConfig().setString("user", null, "email", "alice@example.com");
      copy.getConfig().save();
    }
    String ledger = "git:" + local + "#" + remote.toUri();
    converge("record", "approval", "--environment", "prod", "--approver", "bob", "--at", T0, "--ledger", ledger);

    Result log = converge("ledger", "log", "--ledger", git());

    assertThat(log.exit()).isZero();
    assertThat(log.out()).contains("approval").contains("actor bob").contains("writer Alice <alice@example.com>");
  }

  @Test
  void copy_brokenSource_exitsOneAndCopiesNothing() throws Exception {
    recordHistory();
    Path ledger = Path.of(file());
    Files.writeString(ledger, Files.readString(ledger).replaceFirst("alice", "mallory"));
    String lastButOne = Files.readAllLines(ledger).get(Files.readAllLines(ledger).size() - 2);
    assertThat(lastButOne).contains("mallory");

    Result copy = converge("ledger", "copy", file(), git());

    assertThat(copy.exit()).isEqualTo(1);
    assertThat(copy.err()).contains("was changed after");
    assertThat(converge("ledger", "log", "--ledger", git()).out()).isEmpty();
  }

  @Test
  void copy_intoAStoreHoldingOtherRecords_exitsOne() throws Exception {
    recordHistory();
    assertThat(converge("record", "approval", "--environment", "prod", "--approver", "zed", "--at", T0,
        "--ledger", git()).exit()).isZero();

    Result copy = converge("ledger", "copy", file(), git());

    assertThat(copy.exit()).isEqualTo(1);
    assertThat(copy.err()).contains("holds another ledger");
  }

  @Test
  void ledger_unknownScheme_exitsTwo() {
    Result result = converge("plan", "--ledger", "s3://bucket/ledger");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("scheme");
  }
}
