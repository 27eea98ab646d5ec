package dev.converge.yaml;

import dev.converge.diagnostic.SourceLocation;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A component folder that {@code vendor.yaml} fills: a strict pin, at the version the vendor entry
 * names. {@code folder} is relative to the components base path of its type
 * ({@code components/terraform}), e.g. {@code vpc/1.2.3}.
 */
@Value.Immutable
public interface VendorPin extends WithVendorPin {

  /** The vendor source's {@code component}, when it names one. */
  Optional<String> component();

  /** The folder the source is copied to, relative to the components base path. */
  String folder();

  /** The target path as written, rendered ({@code components/terraform/vpc/1.2.3}), relative to the repository. */
  String target();

  /** The {@code source} URL, rendered. */
  String source();

  /** The pinned {@code version}, when there is one. */
  Optional<String> version();

  @Value.Auxiliary
  Optional<SourceLocation> location();

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableVendorPin.Builder {
    Builder() {}
  }
}
