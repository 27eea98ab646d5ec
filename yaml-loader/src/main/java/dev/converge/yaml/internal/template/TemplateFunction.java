package dev.converge.yaml.internal.template;

import java.util.List;

/**
 * A function a template can call: an entry of Go's {@code FuncMap}, or a method of a namespace
 * (a map value reached as a field, such as {@code strings.ToUpper}).
 *
 * <p>Arguments arrive evaluated, in order, the piped value last (Go's rule). A function refuses
 * bad arguments by throwing {@link TemplateException} with a message in Go's words (for example
 * {@code wrong number of args for upper: want 1 got 2}); the engine adds the template's name,
 * line, column and the action. A function is pure: it reads no clock, environment or file of its
 * own; whatever it needs from the outside world is given to it when the library is built.
 */
@FunctionalInterface
public interface TemplateFunction {

  /** Calls the function; returns a value of the package's value model (or another function). */
  Object call(List<Object> args);
}
