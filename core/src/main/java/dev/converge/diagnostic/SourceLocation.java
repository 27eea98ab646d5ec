package dev.converge.diagnostic;

import org.immutables.value.Value;

/**
 * A place in a user's file, 1-based as people count lines and columns.
 *
 * <p>Readers that hold 0-based marks (snakeyaml-engine) add one before building a location.
 */
@Value.Immutable
public interface SourceLocation extends WithSourceLocation {

  /** The file, relative to the repository root where possible. */
  String file();

  /** 1-based line; 0 when only the file is known. */
  int line();

  /** 1-based column; 0 when only the file (or line) is known. */
  int column();

  static SourceLocation of(String file, int line, int column) {
    return builder().file(file).line(line).column(column).build();
  }

  static SourceLocation ofFile(String file) {
    return of(file, 0, 0);
  }

  @Value.Check
  default void check() {
    if (line() < 0) {
      throw new IllegalArgumentException("line (" + line() + ") must not be negative");
    }
    if (column() < 0) {
      throw new IllegalArgumentException("column (" + column() + ") must not be negative");
    }
  }

  /** {@code file:line:column}, shortened when the line or column is unknown. */
  default String render() {
    if (line() == 0) {
      return file();
    }
    return column() == 0 ? file() + ":" + line() : file() + ":" + line() + ":" + column();
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableSourceLocation.Builder {
    Builder() {}
  }
}
