package dev.converge.yaml.internal.atmos;

import dev.converge.model.DeferredValue;
import dev.converge.yaml.internal.template.GoTemplate;
import dev.converge.yaml.internal.template.MissingKey;
import dev.converge.yaml.internal.template.TemplateException;
import dev.converge.yaml.internal.template.TemplateFunction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Go templates of one load: Go's {@code text/template} ({@link GoTemplate}) with the functions
 * Atmos puts in scope, each distinct text parsed once for the whole load and shared by its threads.
 *
 * <p>Two scopes, as Atmos has them: {@link #all} (Sprig, Gomplate and {@code atmos.*}: what
 * {@code name_template}, import paths and import-context files see) and {@link #component} (what
 * component sections see: Sprig and Gomplate only where {@code templates.settings} enables them).
 * A parse is keyed by the text and the scope, since the function names a template may call are
 * checked when it is parsed.
 */
final class TemplateEngine {

  /** Parsed templates kept at most, per load; a load with more distinct texts parses the rest each time. */
  static final int MAX_CACHED = 100_000;

  /** One set of functions, and the templates parsed against its names. */
  static final class Scope {
    final Map<String, TemplateFunction> functions;
    final Set<String> names;
    final String left;
    final String right;
    private final Map<String, Object> parsed;

    /** Whether {@code atmos.Component} is bound to the configuration of the stack's components. */
    final boolean readsComponents;

    Scope(Map<String, TemplateFunction> functions, String left, String right) {
      this(Map.copyOf(functions), left, right, new ConcurrentHashMap<>(), false);
    }

    private Scope(Map<String, TemplateFunction> functions, String left, String right, Map<String, Object> parsed,
        boolean readsComponents) {
      this.functions = functions;
      this.names = functions.keySet();
      this.left = left;
      this.right = right;
      this.parsed = parsed;
      this.readsComponents = readsComponents;
    }

    /**
     * This scope with {@code atmos.Component} bound ({@code atmos} replaced), sharing its parses:
     * a template's parse depends on the names only.
     */
    Scope readingComponents(TemplateFunction atmos) {
      Map<String, TemplateFunction> bound = new java.util.HashMap<>(functions);
      bound.put("atmos", atmos);
      return new Scope(Map.copyOf(bound), left, right, parsed, true);
    }

    /** Whether {@code text} holds an action: its left delimiter. */
    boolean hasActions(String text) {
      return text.contains(left);
    }

    /** The template of {@code text}, named {@code name} in its errors (a cached parse is renamed, not redone). */
    GoTemplate parse(String name, String text) {
      Object known = parsed.get(text);
      if (known instanceof GoTemplate template) {
        return template.name().equals(name) ? template : template.named(name);
      }
      if (known instanceof TemplateException) {
        GoTemplate.parse(name, text, names, left, right); // fails again, naming this caller's file
      }
      try {
        GoTemplate template = GoTemplate.parse(name, text, names, left, right);
        if (parsed.size() < MAX_CACHED) {
          parsed.put(text, template);
        }
        return template;
      } catch (TemplateException e) {
        if (parsed.size() < MAX_CACHED) {
          parsed.put(text, e);
        }
        throw e;
      }
    }
  }

  final Scope all;
  final Scope component;

  /**
   * @param left the component templates' left delimiter ({@code templates.settings.delimiters});
   *     the others use Go's {@code {{} and {@code }}}, as Atmos's {@code ProcessTmpl} does
   */
  TemplateEngine(Map<String, TemplateFunction> all, Map<String, TemplateFunction> component, String left, String right) {
    this(all, extra -> component, left, right);
  }

  /**
   * @param component the component scope's functions, given the environment variables a component
   *     adds ({@code settings.templates.settings.env}); called with none for {@link #component}
   */
  TemplateEngine(Map<String, TemplateFunction> all,
      java.util.function.Function<Map<String, String>, Map<String, TemplateFunction>> component, String left,
      String right) {
    this.all = new Scope(all, "{{", "}}");
    this.componentFunctions = component;
    this.component = new Scope(component.apply(Map.of()), left, right);
  }

  private final java.util.function.Function<Map<String, String>, Map<String, TemplateFunction>> componentFunctions;
  /** Component scopes with added environment variables, one per distinct set (few in any repository). */
  private final Map<Map<String, String>, Scope> withEnvironment = new ConcurrentHashMap<>();

  /** The component scope, with {@code extra} environment variables for {@code env} and friends; itself when none. */
  Scope component(Map<String, String> extra) {
    if (extra.isEmpty()) {
      return component;
    }
    return withEnvironment.computeIfAbsent(Map.copyOf(extra),
        e -> new Scope(componentFunctions.apply(e), component.left, component.right));
  }

  /** Renders one text; a text without {@code {{} is itself. */
  static String render(Scope scope, String name, String text, Object data, MissingKey missingKey) {
    if (!scope.hasActions(text)) {
      return text;
    }
    return scope.parse(name, text).execute(data, scope.functions, missingKey);
  }

  /** Collects what rendering a value could not do, for the caller to report. */
  interface Failures {
    void failed(String text, TemplateException e);

    /** A string that needs the outside world, kept as a deferred value. */
    default void deferred(DeferredValue value) {}
  }

  /** The template functions whose results come from the outside world (Terraform state, a store). */
  private static final List<String> OUTSIDE = List.of("atmos.Component", "atmos.Store", "atmos.GomplateDatasource");

  /** The deferred value a template stands for when it calls a function of the outside world. */
  static DeferredValue deferredOf(String text) {
    for (String function : OUTSIDE) {
      if (text.contains(function)) {
        return DeferredValue.of(function, text);
      }
    }
    return null;
  }

  /**
   * {@code value} with every string that holds a template rendered over {@code data}; maps and
   * lists are copied only along the paths that change, so a value without templates is returned as
   * is. A string that fails is kept as written and passed to {@code failures}.
   */
  static Object renderValues(Scope scope, String name, Object value, Object data, MissingKey missingKey,
      Failures failures) {
    return Values.rewrite(value, leaf -> leaf instanceof String text ? renderString(scope, name, text, data, missingKey,
        failures) : leaf, null);
  }

  private static Object renderString(Scope scope, String name, String text, Object data, MissingKey missingKey,
      Failures failures) {
    if (!scope.hasActions(text)) {
      return text;
    }
    DeferredValue deferred = text.contains("atmos.") ? deferredOf(text) : null;
    // a bound atmos.Component reads the stack's other components; what it cannot read is deferred
    boolean tryIt = deferred != null && scope.readsComponents && deferred.function().equals("atmos.Component");
    if (deferred != null && !tryIt) {
      failures.deferred(deferred);
      return deferred;
    }
    try {
      return render(scope, name, text, data, missingKey);
    } catch (TemplateException e) {
      if (tryIt && e.getMessage().contains(dev.converge.yaml.internal.template.library.CoreLibrary.OUTSIDE_WORLD)) {
        failures.deferred(deferred);
        return deferred;
      }
      failures.failed(text, e);
      return text;
    }
  }
}
