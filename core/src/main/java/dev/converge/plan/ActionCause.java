package dev.converge.plan;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One cause of an action, as data: its kind, what it is about, and the sentence
 * {@link Action#reasons()} shows for it. Read the fields, not the sentence.
 */
@Value.Immutable
public interface ActionCause extends WithActionCause {

  CauseKind kind();

  /** What it was: the folder deployed from ({@link CauseKind#FOLDER_CHANGED}), the deployed revision ({@link CauseKind#NEWER_DEPLOYED}). */
  Optional<String> from();

  /** What it is now: the folder, or the planned revision (also of {@link CauseKind#ABSENT}). */
  Optional<String> to();

  /** Since when it holds (a hold's time). */
  Optional<Instant> since();

  /** The person-given reason behind it (a hold's). */
  Optional<String> detail();

  /** The cause in words, as {@link Action#reasons()} has it. */
  String text();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableActionCause.Builder {
    Builder() {}
  }
}
