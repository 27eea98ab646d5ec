package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Hold;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.ledger.Release;
import dev.converge.model.InstanceId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerCodecTest {

  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  @Nested
  class ToJson {

    @Test
    void toJson_deployment_writesFormatsNamesInOrder() {
      String json = LedgerCodec.toJson(Deployment.builder().at(AT).instance(InstanceId.of("dev/us-east-1", "vpc"))
          .folder("vpc").revision("abc123").sourceDigest("s1").configDigest("c1").outcome(Outcome.SUCCESS)
          .actor("ci").build());

      assertThat(json).isEqualTo("{\"type\":\"deployment\",\"at\":\"2026-11-27T10:00:00Z\",\"stack\":\"dev/us-east-1\","
          + "\"component\":\"vpc\",\"folder\":\"vpc\",\"revision\":\"abc123\",\"source_digest\":\"s1\","
          + "\"config_digest\":\"c1\",\"outcome\":\"success\",\"actor\":\"ci\"}");
    }

    @Test
    void toJson_destroyDeployment_writesDestroyTrue() {
      String json = LedgerCodec.toJson(Records.deployment(1).withDestroy(true));

      assertThat(json).endsWith(",\"destroy\":true}");
    }

    @Test
    void toJson_holdOfWholeEnvironment_omitsComponent() {
      String json = LedgerCodec.toJson(Hold.builder().at(AT).environment("prod").reason("incident 42").build());

      assertThat(json).isEqualTo(
          "{\"type\":\"hold\",\"at\":\"2026-11-27T10:00:00Z\",\"environment\":\"prod\",\"reason\":\"incident 42\"}");
    }

    @Test
    void toJson_drift_writesChangeCount() {
      String json = LedgerCodec.toJson(Drift.builder().at(AT).instance(InstanceId.of("prod/us-east-1", "vpc"))
          .revision("abc").changes(3).build());

      assertThat(json).isEqualTo("{\"type\":\"drift\",\"at\":\"2026-11-27T10:00:00Z\",\"stack\":\"prod/us-east-1\","
          + "\"component\":\"vpc\",\"revision\":\"abc\",\"changes\":3}");
    }
  }

  @Nested
  class FromJson {

    @Test
    void fromJson_everyType_roundTrips() {
      List<LedgerRecord> records = List.of(
          Records.deployment(1),
          Records.deployment(2).withDestroy(true).withOutcome(Outcome.FAILURE),
          CheckResult.builder().at(AT).environment("dev").revision("abc").check("smoke").outcome(Outcome.SUCCESS).build(),
          Records.approval("alice"),
          Hold.builder().at(AT).environment("prod").component("vpc").reason("incident 42").build(),
          Release.builder().at(AT).environment("prod").build(),
          BadRevision.builder().at(AT).revision("abc").reason("breaks NAT").build(),
          Drift.builder().at(AT).instance(InstanceId.of("prod/us-east-1", "vpc")).revision("abc").changes(3).build());

      assertThat(records).allSatisfy(r -> assertThat(LedgerCodec.fromJson(LedgerCodec.toJson(r))).isEqualTo(r));
    }

    @Test
    void fromJson_formatsExampleLine_loads() {
      LedgerRecord record = LedgerCodec.fromJson("{\"type\":\"approval\",\"at\":\"2026-11-27T11:00:00+01:00\","
          + "\"environment\":\"prod\",\"revision\":\"abc123\",\"approver\":\"alice\"}");

      assertThat(record).isEqualTo(Records.approval("alice"));
    }

    @Test
    void fromJson_unknownField_isIgnored() {
      LedgerRecord record = LedgerCodec.fromJson("{\"type\":\"bad\",\"at\":\"2026-11-27T10:00:00Z\","
          + "\"revision\":\"abc\",\"reason\":\"x\",\"ticket\":\"OPS-1\"}");

      assertThat(record).isInstanceOf(BadRevision.class);
    }

    @Test
    void fromJson_brokenJson_namesFileLineAndColumn() {
      assertThatThrownBy(() -> LedgerCodec.fromJson("{\"type\":\"bad\",,}", "ledger.jsonl", 7))
          .isInstanceOfSatisfying(ConvergeException.class, e -> {
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.rule()).isEqualTo("ledger-json");
              assertThat(p.location().orElseThrow().render()).isEqualTo("ledger.jsonl:7:15");
            });
          });
    }

    @Test
    void fromJson_unknownType_suggestsClosest() {
      assertThatThrownBy(() -> LedgerCodec.fromJson("{\"type\":\"deploymnt\",\"at\":\"2026-11-27T10:00:00Z\"}"))
          .isInstanceOf(ConvergeException.class)
          .hasMessageContaining("did you mean `deployment`?");
    }

    @Test
    void fromJson_missingField_namesIt() {
      assertThatThrownBy(() -> LedgerCodec.fromJson("{\"type\":\"approval\",\"at\":\"2026-11-27T10:00:00Z\","
          + "\"environment\":\"prod\",\"revision\":\"abc\"}"))
          .isInstanceOf(ConvergeException.class)
          .hasMessageContaining("lacks `approver`");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "{\"type\":\"bad\"} trailing", "{\"type\":1}"})
    void fromJson_notARecord_throwsConvergeException(String json) {
      assertThatThrownBy(() -> LedgerCodec.fromJson(json)).isInstanceOf(ConvergeException.class);
    }

    @Test
    void fromJson_badOutcome_saysWhatIsAllowed() {
      assertThatThrownBy(() -> LedgerCodec.fromJson("{\"type\":\"check\",\"at\":\"2026-11-27T10:00:00Z\","
          + "\"environment\":\"dev\",\"revision\":\"a\",\"check\":\"smoke\",\"outcome\":\"ok\"}"))
          .hasMessageContaining("must be success or failure");
    }
  }
}
