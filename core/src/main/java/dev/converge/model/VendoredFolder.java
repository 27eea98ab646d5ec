package dev.converge.model;

import dev.converge.diagnostic.SourceLocation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A component folder that {@code vendor.yaml} fills: a strict pin at the version its vendor entry
 * names. {@link #folder()} is relative to the components base path ({@code vpc/1.2.3}).
 */
@Value.Immutable
public interface VendoredFolder extends WithVendoredFolder {

  /** The target folder, relative to the components base path. */
  String folder();

  /** The pinned {@code version} of the vendor entry, when it has one. */
  Optional<String> version();

  /** The {@code source} URL of the vendor entry. */
  Optional<String> source();

  /** Where the vendor entry is written. */
  @Value.Auxiliary
  Optional<SourceLocation> location();

  static VendoredFolder of(String folder, String version) {
    return builder().folder(folder).version(version).build();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableVendoredFolder.Builder {
    Builder() {}
  }
}
