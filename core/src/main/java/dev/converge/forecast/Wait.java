package dev.converge.forecast;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One stretch of time a wave waited before it could start, and why. Time ends every wait but an
 * approval's: that one names when a person is needed and has no end, because the forecast does not
 * guess how long people take (it assumes the approval at once and says so).
 */
@Value.Immutable
public interface Wait extends WithWait {

  WaitKind kind();

  /** When the wait began. */
  Instant from();

  /** When it ended; empty for an approval, which waits on a person. */
  Optional<Instant> until();

  /** In words, e.g. {@code soak 30m after staging finished}. */
  String message();

  /** Whether this waits on a person (an approval) rather than on time. */
  default boolean onPerson() {
    return kind() == WaitKind.APPROVAL;
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableWait.Builder {
    Builder() {}
  }
}
