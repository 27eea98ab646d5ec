package dev.converge.yaml.internal.template;

/**
 * A template that cannot be parsed or executed, or a function that refuses its arguments. The
 * message is Go's: {@code template: NAME:LINE:COL: executing "NAME" at <.vars.x>: map has no entry
 * for key "x"} once the engine has placed it; a function throws it with the bare reason.
 *
 * <p>Two refusals Go makes itself, before calling a function, keep Go's words and place when a
 * function reports them: a message starting {@code wrong number of args for } (placed at the
 * function's name, without {@code error calling}), and {@link #wrongArgumentType} (placed at the
 * argument: {@code wrong type for value; expected string; got int}, or {@code expected string;
 * found 3} for a literal).
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int argument;
  private final String expectedType;

  public TemplateException(String message) {
    this(message, null);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause, false, false);
    this.argument = -1;
    this.expectedType = null;
  }

  private TemplateException(int argument, String expectedType) {
    super("wrong type for argument " + argument + "; expected " + expectedType, null, false, false);
    this.argument = argument;
    this.expectedType = expectedType;
  }

  /**
   * A function's argument {@code index} (0-based, the piped value last) is not of the Go type it
   * takes ({@code string}, {@code int}, {@code []interface {}}, ...).
   */
  public static TemplateException wrongArgumentType(int index, String expectedType) {
    if (index < 0) {
      throw new IllegalArgumentException("index (" + index + ") must not be negative");
    }
    return new TemplateException(index, expectedType);
  }

  /** The argument a {@link #wrongArgumentType} refusal names, or -1. */
  int argument() {
    return argument;
  }

  String expectedType() {
    return expectedType;
  }
}
