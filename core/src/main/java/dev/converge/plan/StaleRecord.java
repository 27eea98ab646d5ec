package dev.converge.plan;

import java.time.Instant;
import org.immutables.value.Value;

/**
 * An approval or a check that a newer revision made stale: it was given for a revision that will
 * not be deployed where it applied, so it no longer counts.
 */
@Value.Immutable
public interface StaleRecord extends WithStaleRecord {

  /** {@code approval} or {@code check}. */
  String type();

  String environment();

  String revision();

  String supersededBy();

  /** The approver, or the check's name. */
  String subject();

  Instant at();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableStaleRecord.Builder {
    Builder() {}
  }
}
