package dev.converge.yaml.conformance;

import java.util.List;
import org.immutables.value.Value;

/** The outcomes of a conformance run, in fixture and case order. */
@Value.Immutable
public interface ConformanceReport extends WithConformanceReport {

  List<CaseResult> cases();

  default List<CaseResult> failed() {
    return cases().stream().filter(c -> !c.passed()).toList();
  }

  default long passedCount() {
    return cases().stream().filter(CaseResult::passed).count();
  }

  default int assertions() {
    return cases().stream().mapToInt(CaseResult::assertions).sum();
  }

  /** A summary and one block per failed case. */
  default String render() {
    StringBuilder out = new StringBuilder();
    out.append(passedCount()).append(" of ").append(cases().size()).append(" cases passed (")
        .append(assertions()).append(" assertions)\n");
    for (CaseResult c : failed()) {
      out.append("FAIL ").append(c.key()).append(" [").append(c.kind()).append("]\n");
      c.failures().forEach(f -> out.append("  ").append(f).append('\n'));
    }
    return out.toString();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableConformanceReport.Builder {
    Builder() {}
  }
}
