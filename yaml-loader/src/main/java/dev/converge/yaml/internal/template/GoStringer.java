package dev.converge.yaml.internal.template;

/**
 * A value with Go's {@code String()} method: {@code fmt} prints it (for {@code %v} and {@code %s})
 * as that string, even when it is also a map whose fields a template reads.
 */
public interface GoStringer {

  /** What Go's {@code String()} returns. */
  String goString();

  /** The Go type's name, as {@code typeOf} and error messages print it ({@code time.Time}). */
  String goTypeName();
}
