package dev.converge.convergence;

import static dev.converge.testing.ExpectedFiles.assertMatches;
import static dev.converge.testing.TestData.ABC;
import static dev.converge.testing.TestData.T0;
import static dev.converge.testing.TestData.XYZ;
import static dev.converge.testing.TestData.deployed;
import static dev.converge.testing.TestData.desired;
import static dev.converge.testing.TestData.instance;
import static dev.converge.testing.TestData.passed;
import static dev.converge.testing.TestData.seedPipeline;

import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.DivergenceDeclaration;
import dev.converge.model.Instance;
import dev.converge.pipeline.Pipeline;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The three renderings of one estate at the seed's "+30min", compared with reviewed expected files. */
class ConvergenceRenderingTest {

  static ConvergenceReport estate() {
    Instant before = T0.minus(Duration.ofDays(1));
    Instance devVpc = instance("dev/us-east-1", "vpc").withVars(Map.of("cidr_block", "10.0.0.0/16", "enable_dns_support", true));
    Instance stagingVpc = instance("staging/us-east-1", "vpc").withVars(Map.of("cidr_block", "10.1.0.0/16", "enable_dns_support", true));
    Instance prodVpc = instance("prod/us-east-1", "vpc").withVars(Map.of("cidr_block", "10.2.0.0/16", "enable_dns_support", true,
        "enable_nat_gateway", true));
    Instance devDb = instance("dev/us-east-1", "database", "database/v2", "1");
    Instance stagingDb = instance("staging/us-east-1", "database", "database/v2", "1");
    Instance prodDb = instance("prod/us-east-1", "database", "database/v1", "1");
    Instance devEks = instance("dev/us-east-1", "eks", "eks-experiment", "1");
    Instance prodEks = instance("prod/us-east-1", "eks");
    List<LedgerRecord> ledger = new ArrayList<>(List.of(
        deployed(devVpc.withSourceDigest("src-vpc-v1"), XYZ, before),
        deployed(stagingVpc.withSourceDigest("src-vpc-v1"), XYZ, before),
        deployed(prodVpc.withSourceDigest("src-vpc-v1"), XYZ, before),
        deployed(devDb, XYZ, before), deployed(stagingDb, XYZ, before), deployed(prodDb, XYZ, before),
        deployed(devEks, XYZ, before), deployed(prodEks, XYZ, before),
        deployed(devVpc, ABC, T0.plus(Duration.ofMinutes(5))),
        passed("dev", ABC, "smoke", T0.plus(Duration.ofMinutes(10))),
        deployed(stagingVpc, ABC, T0.plus(Duration.ofMinutes(45)))));
    Pipeline pipeline = seedPipeline().withDivergences(List.of(DivergenceDeclaration.builder()
        .component("database").addEnvironments("dev", "staging").reason("PostgreSQL 15 upgrade under test")
        .owner("team-data").convergeBy(LocalDate.parse("2027-01-15")).build()));
    return Convergence.of(pipeline).withLedger(Ledger.of(ledger)).at(T0.plus(Duration.ofMinutes(50)))
        .report(desired(devVpc, stagingVpc, prodVpc, devDb, stagingDb, prodDb, devEks, prodEks));
  }

  @Test
  void render_text_matchesReviewedFile() {
    assertMatches("convergence/thirty-minutes.txt", ConvergenceText.render(estate()));
  }

  @Test
  void render_markdown_matchesReviewedFile() {
    assertMatches("convergence/thirty-minutes.md", ConvergenceMarkdown.render(estate()));
  }

  @Test
  void render_mermaid_matchesReviewedFile() {
    assertMatches("convergence/thirty-minutes.mmd", ConvergenceMermaid.render(estate()));
  }
}
