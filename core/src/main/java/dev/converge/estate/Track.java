package dev.converge.estate;

import dev.converge.model.ComponentFolder;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A release track of {@code rollout.yaml} ({@code alpha}, {@code beta}): folders are promoted track to track. */
@Value.Immutable
public interface Track extends WithTrack {

  String name();

  /** Its 0-based place in the promotion order. */
  int order();

  /** The folders on it ({@code beta/vpc}) that instances run or the repository holds, in path order. */
  List<ComponentFolder> folders();

  /** The next track in promotion order; empty for the last. */
  Optional<String> promotesTo();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableTrack.Builder {
    Builder() {}
  }
}
