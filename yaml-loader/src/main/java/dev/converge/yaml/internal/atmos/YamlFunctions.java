package dev.converge.yaml.internal.atmos;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.DeferredValue;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.yaml.JsonText;
import dev.converge.yaml.internal.yaml.YamlTags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * The Atmos YAML functions left in a resolved component, evaluated as Atmos evaluates them once
 * templates are rendered ({@code internal/exec/yaml_func_utils.go}), or deferred.
 *
 * <p>The reader keeps a function as Atmos keeps it, the string {@code "!tag argument"}. Here:
 * <ul>
 *   <li>{@code !env NAME [default]}: the component's own {@code env} section first, then the
 *       environment the embedder gave the loader (never the process's own, read behind its back),
 *       then the default, else the empty string;</li>
 *   <li>{@code !template json}: the JSON decoded to a value, or the text itself when it is not JSON;</li>
 *   <li>{@code !unset}: the key is removed from its map (or the item from its list);</li>
 *   <li>{@code !tags}, {@code !labels}, {@code !labels.keys}, {@code !labels.values} (bare, no
 *       argument): the component's merged {@code metadata.tags} (its strings) and
 *       {@code metadata.labels} (its string values; keys and values in key order);</li>
 *   <li>every other function ({@code !terraform.output}, {@code !terraform.state}, {@code !store},
 *       {@code !store.get}, {@code !secret}, {@code !aws.*}, {@code !exec}, {@code !repo-root},
 *       {@code !cwd}, {@code !git.*}, {@code !random}, and {@code !exec} unless the embedder enabled it) needs the outside world or the machine
 *       that runs the component: it becomes a {@link DeferredValue}, digested by its text.</li>
 * </ul>
 * A string is a function only when it starts with a known tag followed by a space or nothing, so
 * {@code "!environment"} stays a string.
 */
final class YamlFunctions {

  /** What a load defers, counted across its threads for one warning. */
  static final class Tally {
    private final LongAdder count = new LongAdder();
    private final Map<String, LongAdder> byFunction = new ConcurrentHashMap<>();
    /** The one the warning shows: the first by place (file, line, column), whichever thread deferred it first. */
    private final AtomicReference<DeferredValue> first = new AtomicReference<>();

    private static final java.util.Comparator<DeferredValue> BY_PLACE = java.util.Comparator.comparing(
        (DeferredValue v) -> v.location().isEmpty())
        .thenComparing(v -> v.location().map(SourceLocation::file).orElse(""))
        .thenComparingInt(v -> v.location().map(SourceLocation::line).orElse(0))
        .thenComparingInt(v -> v.location().map(SourceLocation::column).orElse(0))
        .thenComparing(DeferredValue::text);

    void add(DeferredValue value) {
      count.increment();
      byFunction.computeIfAbsent(value.function(), f -> new LongAdder()).increment();
      first.accumulateAndGet(value, (known, added) -> known == null || BY_PLACE.compare(added, known) < 0 ? added : known);
    }

    /** One warning for the whole load, when anything was deferred. */
    void report(Problems problems) {
      long n = count.sum();
      if (n == 0) {
        return;
      }
      StringBuilder which = new StringBuilder();
      new TreeMap<>(byFunction).forEach((f, c) -> which.append(which.length() == 0 ? "" : ", ").append(f)
          .append(" × ").append(c.sum()));
      DeferredValue example = first.get();
      problems.warning("yaml-function-deferred", n + (n == 1 ? " value is a YAML function" : " values are YAML functions")
          + " that Converge does not evaluate when it loads (" + which + "); each is kept as a deferred value, "
          + "digested by its text", example.location().orElse(SourceLocation.ofFile(".")),
          "`converge describe` shows them; resolve them in your own code (DeferredValue) or at run time");
    }
  }

  private final Map<String, String> environment;
  private final Tally tally;
  private final Problems problems;
  /** Runs {@code !exec}, when the embedder enabled it. */
  private final Optional<Exec> exec;

  YamlFunctions(Map<String, String> environment, Optional<Exec> exec, Tally tally, Problems problems) {
    this.environment = environment;
    this.exec = exec;
    this.tally = tally;
    this.problems = problems;
  }

  /** The same functions, reporting their problems to {@code other} (a parse's own problems). */
  YamlFunctions reporting(Problems other) {
    return new YamlFunctions(environment, exec, tally, other);
  }

  /** Counts a value deferred elsewhere (a template calling the outside world) in the load's warning. */
  void defer(DeferredValue value) {
    tally.add(value);
  }

  /**
   * Whether {@code text} starts with one of Atmos's function tags, as a whole tag name: what follows
   * may not continue a name (a letter, digit, {@code .}, {@code -} or {@code _}), as Atmos's
   * {@code matchesTag} has it, so {@code !template["a"]} (a template's {@code {{-} ate the blank)
   * is {@code !template} while {@code !environment} is no function.
   */
  static Optional<String> functionOf(String text) {
    if (text.isEmpty() || text.charAt(0) != '!') {
      return Optional.empty();
    }
    int end = 1;
    while (end < text.length() && continuesName(text.charAt(end))) {
      end++;
    }
    String tag = text.substring(0, end);
    return YamlTags.FUNCTIONS.contains(tag) ? Optional.of(tag) : Optional.empty();
  }

  /**
   * {@code value} with every function evaluated or deferred; maps and lists are copied only along
   * the paths that change. {@code env} is the component's own env section, for {@code !env}.
   */
  Object evaluate(Object value, Map<String, Object> env, SourceLocation at) {
    return evaluate(value, env, Map.of(), at);
  }

  /**
   * {@code value} with every function evaluated or deferred; {@code metadata} is the component's
   * merged metadata, for {@code !tags} and {@code !labels}.
   */
  Object evaluate(Object value, Map<String, Object> env, Map<String, Object> metadata, SourceLocation at) {
    return evaluate(value, env, metadata, null, at);
  }

  /** The versions a stack's track locks, for {@code !version}: the track and each name's version. */
  record Locked(String track, String file, Map<String, String> versions) {}

  /**
   * {@code value} with every function evaluated or deferred; {@code locked} is what the Version
   * Tracker's lock file holds for the stack's track (null when there is no lock file: {@code !version}
   * is then deferred).
   */
  Object evaluate(Object value, Map<String, Object> env, Map<String, Object> metadata, Locked locked, SourceLocation at) {
    return Values.rewrite(value, leaf -> {
      if (!(leaf instanceof String text)) {
        return leaf;
      }
      Optional<String> function = functionOf(text);
      if (function.isPresent() && function.get().equals("!version") && locked != null) {
        return version(text.substring(function.get().length()).strip(), locked, at);
      }
      return function.isEmpty() ? text
          : call(function.get(), text.substring(function.get().length()).strip(), env, metadata, text, at);
    }, UNSET);
  }

  /** Atmos's {@code ResolveLocked}: the version locked for the name in the stack's track, else an error. */
  private Object version(String name, Locked locked, SourceLocation at) {
    String version = locked.versions().get(name);
    if (version != null) {
      return version;
    }
    problems.error("version-not-locked", "`!version " + name + "`: " + name + " is not locked in track `"
        + locked.track() + "` of " + locked.file() + " (version not locked)", at,
        "lock it (`atmos version lock`), or assert another track in the stack's `version: {track: ...}`");
    return "";
  }

  private static boolean continuesName(char c) {
    return c == '.' || c == '-' || c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }

  /** Stands for a removed key or item ({@code !unset}) on its way up to its map or list. */
  static final Object UNSET = new Object();

  private Object call(String function, String argument, Map<String, Object> env, Map<String, Object> metadata,
      String text, SourceLocation at) {
    switch (function) {
      case "!unset":
        return UNSET;
      case "!tags":
        return argument.isEmpty() ? strings(metadata.get("tags")) : text; // Atmos matches the bare tag only
      case "!labels":
        return argument.isEmpty() ? labels(metadata) : text;
      case "!labels.keys":
        return argument.isEmpty() ? List.copyOf(new TreeMap<>(labels(metadata)).keySet()) : text;
      case "!labels.values":
        return argument.isEmpty() ? List.copyOf(new TreeMap<>(labels(metadata)).values()) : text;
      case "!env":
        return env(argument, env, at);
      case "!template":
        return template(argument);
      default:
        if (function.equals("!exec") && exec.isPresent()) {
          return exec(argument, at);
        }
        DeferredValue deferred = DeferredValue.of(function, argument).withLocation(at);
        tally.add(deferred);
        return deferred;
    }
  }

  /** The string items of a list (Atmos's {@code tags.ToStringSlice}); anything else is no items. */
  private static List<Object> strings(Object value) {
    List<Object> result = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.stream().filter(String.class::isInstance).forEach(result::add);
    }
    return result;
  }

  /** The string-valued entries of metadata.labels (Atmos's {@code tags.ToStringMap}). */
  private static Map<String, Object> labels(Map<String, Object> metadata) {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    if (metadata.get("labels") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> {
        if (v instanceof String s) {
          result.put(String.valueOf(k), s);
        }
      });
    }
    return result;
  }

  private Object env(String argument, Map<String, Object> env, SourceLocation at) {
    List<String> words = words(argument);
    if (words.isEmpty() || words.size() > 2) {
      problems.error("yaml-function", "`!env " + argument + "` takes a variable's name and an optional default", at,
          "write `!env NAME` or `!env NAME default`");
      return "";
    }
    String name = words.get(0);
    if (env.containsKey(name)) {
      Object v = env.get(name);
      return v == null ? "<nil>" : String.valueOf(v);
    }
    String set = environment.get(name);
    if (set != null) {
      return set;
    }
    return words.size() == 2 ? words.get(1) : "";
  }

  private Object exec(String argument, SourceLocation at) {
    List<String> command = words(argument);
    if (command.isEmpty()) {
      problems.error("yaml-function", "`!exec` needs a command", at, "write `!exec program arg ...`");
      return "";
    }
    try {
      return template(exec.get().run(command)); // JSON output is decoded, as Atmos decodes it
    } catch (java.io.IOException e) {
      problems.error("yaml-function", "`!exec " + argument + "` failed: " + e.getMessage(), at,
          "the command runs without a shell, in the repository folder, with the environment given to the load");
      return "";
    }
  }

  /** JSON decoded as Go's {@code json.Unmarshal} decodes it, else the text itself (Atmos's {@code !template}). */
  private static Object template(String argument) {
    return JsonText.parseOr(argument, argument);
  }

  /** Words separated by blanks; single or double quotes group a word. */
  private static List<String> words(String text) {
    List<String> words = new ArrayList<>(2);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '"' || c == '\'') {
        int end = text.indexOf(c, i + 1);
        end = end < 0 ? text.length() : end;
        words.add(text.substring(i + 1, end));
        i = end + 1;
      } else {
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        words.add(text.substring(i, end));
        i = end;
      }
    }
    return words;
  }
}
