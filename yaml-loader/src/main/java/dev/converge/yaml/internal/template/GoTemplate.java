package dev.converge.yaml.internal.template;

import dev.converge.yaml.internal.template.Node.ListNode;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A parsed Go {@code text/template}: the template named at parse time and every template its text
 * defines ({@code define}, {@code block}). Immutable and safe to execute from many threads at
 * once; parse each distinct text once and keep the result (parsing costs more than executing).
 *
 * <pre>{@code
 * GoTemplate t = GoTemplate.parse("stack.yaml", "{{ .vars.stage }}-{{ printf \"%03d\" .vars.n }}", Set.of());
 * t.execute(Map.of("vars", Map.of("stage", "dev", "n", 7L)), Map.of(), MissingKey.ERROR); // "dev-007"
 * }</pre>
 *
 * <p>Functions: the names a template may call beyond Go's builtins are given at parse time (Go
 * refuses an unknown name then: {@code function "x" not defined}); the functions themselves are
 * given at execution, so one parsed template serves callers whose functions close over different
 * state. A name given at parse time but missing at execution is {@code "x" is not a defined
 * function}.
 *
 * <p>Errors are {@link TemplateException}s with Go's messages, parse errors with the line
 * ({@code template: NAME:LINE: ...}), execution errors with line, column and the action
 * ({@code template: NAME:LINE:COL: executing "NAME" at <.a.b>: ...}).
 */
public final class GoTemplate {

  private final String name;
  private final String text;
  private final Set<String> functionNames;
  private final String leftDelim;
  private final String rightDelim;
  private final Map<String, ListNode> trees;

  private GoTemplate(String name, String text, Set<String> functionNames, String leftDelim, String rightDelim,
      Map<String, ListNode> trees) {
    this.name = name;
    this.text = text;
    this.functionNames = functionNames;
    this.leftDelim = leftDelim;
    this.rightDelim = rightDelim;
    this.trees = trees;
  }

  /**
   * Parses {@code text} as the template {@code name}; {@code functionNames} are the functions it
   * may call besides the builtins.
   */
  public static GoTemplate parse(String name, String text, Set<String> functionNames) {
    return parse(name, text, functionNames, "", "");
  }

  /**
   * Parses {@code text} with other action delimiters (Go's {@code Delims}; Atmos's
   * {@code templates.settings.delimiters}); an empty delimiter is the default, {@code {{} or
   * {@code }}}.
   */
  public static GoTemplate parse(String name, String text, Set<String> functionNames, String leftDelim,
      String rightDelim) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(functionNames, "functionNames");
    String left = Objects.requireNonNull(leftDelim, "leftDelim").isEmpty() ? "{{" : leftDelim;
    String right = Objects.requireNonNull(rightDelim, "rightDelim").isEmpty() ? "}}" : rightDelim;
    try {
      Set<String> names = Set.copyOf(functionNames);
      return new GoTemplate(name, text, names, left, right,
          Collections.unmodifiableMap(Parser.parse(name, text, names, left, right)));
    } catch (StackOverflowError e) {
      throw new TemplateException("template: " + name + ": nested too deeply to parse");
    }
  }

  /** Whether the text has an action at all; a text without one renders as itself. */
  public static boolean hasActions(String text) {
    return text.indexOf("{{") >= 0;
  }

  /** {@link #hasActions(String)} for a left delimiter other than the default ("" is the default). */
  public static boolean hasActions(String text, String leftDelim) {
    return text.indexOf(leftDelim.isEmpty() ? "{{" : leftDelim) >= 0;
  }

  /** The name given at parse time. */
  public String name() {
    return name;
  }

  /**
   * This template as if its text had been parsed under {@code newName}: the same output, errors
   * naming {@code newName}. For a cache keyed by text whose callers name different files: a text
   * without definitions shares this one's tree; one with definitions is parsed again.
   */
  public GoTemplate named(String newName) {
    Objects.requireNonNull(newName, "newName");
    if (newName.equals(name)) {
      return this;
    }
    if (trees.size() == 1) {
      return new GoTemplate(newName, text, functionNames, leftDelim, rightDelim, Map.of(newName, trees.get(name)));
    }
    return parse(newName, text, functionNames, leftDelim, rightDelim);
  }

  /** The names of the templates this one holds (itself and its definitions). */
  public Set<String> templateNames() {
    return trees.keySet();
  }

  ListNode tree(String templateName) {
    return trees.get(templateName);
  }

  /**
   * Executes the template over {@code data} (a value of the package's value model; null is Go's
   * nil data) with {@code functions} in scope and Go's {@code missingkey} option.
   */
  public String execute(Object data, Map<String, TemplateFunction> functions, MissingKey missingKey) {
    return execute(name, data, functions, missingKey);
  }

  /** Executes the associated template {@code templateName} (Go's ExecuteTemplate). */
  public String execute(String templateName, Object data, Map<String, TemplateFunction> functions, MissingKey missingKey) {
    Objects.requireNonNull(functions, "functions");
    Objects.requireNonNull(missingKey, "missingKey");
    ListNode root = trees.get(templateName);
    if (root == null) {
      throw new TemplateException("template: no template " + GoFmt.quote(templateName) + " associated with template "
          + GoFmt.quote(name));
    }
    StringBuilder out = new StringBuilder(64);
    try {
      new Execution(this, functions, missingKey, out).run(templateName, root, data);
    } catch (StackOverflowError e) {
      throw new TemplateException("template: " + templateName + ": execution nested too deeply");
    }
    return out.toString();
  }
}
