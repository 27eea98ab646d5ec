package dev.converge.yaml;

import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A logical stack: its name, the manifests that compose it, and its components by type. */
@Value.Immutable
public interface AtmosStack extends WithAtmosStack {

  String name();

  /** The manifests (file names) that contribute components, sorted. */
  List<String> manifests();

  /** Component names by type ({@code terraform -> [vpc, eks]}), sorted. */
  Map<String, List<String>> components();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableAtmosStack.Builder {
    Builder() {}
  }
}
