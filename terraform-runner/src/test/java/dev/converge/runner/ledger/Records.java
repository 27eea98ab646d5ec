package dev.converge.runner.ledger;

import dev.converge.ledger.Approval;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Outcome;
import dev.converge.model.InstanceId;
import java.time.Instant;

/** Test-data builders for ledger records with sensible defaults. */
public final class Records {

  public static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");

  private Records() {}

  public static Deployment deployment(int n) {
    return Deployment.builder()
        .at(AT.plusSeconds(n))
        .instance(InstanceId.of("dev/us-east-1", "vpc"))
        .folder("vpc")
        .revision("rev" + n)
        .sourceDigest("src" + n)
        .configDigest("cfg" + n)
        .outcome(Outcome.SUCCESS)
        .actor("ci")
        .build();
  }

  public static Approval approval(String approver) {
    return Approval.builder().at(AT).environment("prod").revision("abc123").approver(approver).build();
  }
}
