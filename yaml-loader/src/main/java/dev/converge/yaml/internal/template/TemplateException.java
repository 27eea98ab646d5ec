package dev.converge.yaml.internal.template;

/**
 * A template that cannot be parsed or executed, or a function that refuses its arguments. The
 * message is Go's: {@code template: NAME:LINE:COL: executing "NAME" at <.vars.x>: map has no entry
 * for key "x"} once the engine has placed it; a function throws it with the bare reason.
 */
public final class TemplateException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TemplateException(String message) {
    super(message, null, false, false);
  }

  public TemplateException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
