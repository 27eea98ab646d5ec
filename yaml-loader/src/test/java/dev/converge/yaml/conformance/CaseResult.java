package dev.converge.yaml.conformance;

import java.util.List;
import org.immutables.value.Value;

/** The outcome of one conformance case. */
@Value.Immutable
public interface CaseResult extends WithCaseResult {

  /** The case folder's name, e.g. {@code hierarchical-imports}. */
  String fixture();

  /** The case id inside the fixture. */
  String id();

  String kind();

  /** Individual checks made (paths, list members, substrings). */
  int assertions();

  /** What did not match, one line each; empty when the case passed. */
  List<String> failures();

  default boolean passed() {
    return failures().isEmpty();
  }

  /** {@code fixture/id}. */
  default String key() {
    return fixture() + "/" + id();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableCaseResult.Builder {
    Builder() {}
  }
}
