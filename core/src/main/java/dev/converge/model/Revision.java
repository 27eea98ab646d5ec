package dev.converge.model;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A trunk commit: the only source of desired state. Two revisions are equal when their ids are;
 * the commit time travels along (it dates a revision's landing) but does not take part in equality.
 */
@Value.Immutable
public interface Revision extends WithRevision {

  /** The commit id, e.g. {@code abc123...}. */
  @Value.Parameter
  String id();

  /** The committer time: when the revision landed on trunk. */
  @Value.Auxiliary
  Optional<Instant> committedAt();

  /** The first seven characters of the id, as people quote commits. */
  default String shortId() {
    return abbreviate(id());
  }

  /** The first seven characters of a revision id, as people quote commits; a shorter id as it is. */
  static String abbreviate(String id) {
    return id.length() > 7 ? id.substring(0, 7) : id;
  }

  @Value.Check
  default void check() {
    if (id().isBlank()) {
      throw new IllegalArgumentException("revision id must not be blank");
    }
  }

  static Revision of(String id) {
    return builder().id(id).build();
  }

  static Revision of(String id, Instant committedAt) {
    return builder().id(id).committedAt(committedAt).build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRevision.Builder {
    Builder() {}
  }
}
