package dev.converge.yaml.internal.template.library;

import dev.converge.yaml.internal.template.GoValues;
import dev.converge.yaml.internal.template.TemplateException;
import dev.converge.yaml.internal.template.TemplateFunction;
import dev.converge.yaml.internal.value.CompactMap;
import dev.converge.yaml.internal.yaml.JsonText;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The functions Atmos repositories use most from Sprig ({@code Masterminds/sprig/v3}), Gomplate's
 * {@code env}, {@code strings}, {@code conv}, {@code coll}, {@code math} and {@code data}
 * namespaces (the last three after the library on branch wt-funcs), Sprig's date functions
 * ({@link GoTime}), Helm's {@code toYaml}/{@code fromYaml} ({@link GoYaml}), {@code semver} and
 * {@code semverCompare} ({@link Semver}), the {@code must*} variants, and {@code atmos.*}, with Sprig's
 * semantics (argument order: the piped value last; {@code default} and {@code empty} by Go's
 * emptiness). Pure: {@code now} is the instant and {@code env} the environment given to
 * {@link #functions}; functions that need randomness or the outside world ({@code uuidv4},
 * {@code randAlpha}, {@code getHostByName}, {@code atmos.Store}) fail with a message that says so.
 */
public final class CoreLibrary {

  private CoreLibrary() {}

  /** Every function of the library, by name; namespaces ({@code strings}, {@code env}, ...) as maps of functions. */
  public static Map<String, TemplateFunction> functions(Instant now, Map<String, String> environment,
      boolean sprig, boolean gomplate) {
    Map<String, TemplateFunction> f = new TreeMap<>();
    if (sprig) {
      sprig(f, now, environment);
    }
    if (gomplate) {
      gomplate(f, environment);
    }
    f.put("atmos", atmos(outside("atmos.Component", "Terraform outputs and other stacks' components")));
    return Map.copyOf(f);
  }

  /** What every refusal of a function that needs the outside world says; a renderer defers such a value. */
  public static final String OUTSIDE_WORLD = "which Converge does not read while it loads";

  /**
   * The {@code atmos} namespace with {@code component} as {@code atmos.Component}: a loader binds one
   * that reads the configuration of a component of the same stack, and fails with
   * {@link #outsideWorld} for the rest (Terraform outputs, other stacks).
   */
  public static TemplateFunction atmos(TemplateFunction component) {
    return args -> namespace(Map.of(
        "Component", component,
        "Store", outside("atmos.Store", "a store"),
        "GomplateDatasource", outside("atmos.GomplateDatasource", "a Gomplate datasource")));
  }

  /** The refusal of a function that reads {@code what}, which the renderer turns into a deferred value. */
  public static TemplateException outsideWorld(String name, String what) {
    return new TemplateException(name + " reads " + what + ", " + OUTSIDE_WORLD);
  }

  private static Map<String, Object> namespace(Map<String, TemplateFunction> functions) {
    return new TreeMap<>(functions);
  }

  private static TemplateFunction outside(String name, String what) {
    return args -> {
      throw outsideWorld(name, what);
    };
  }

  private static void sprig(Map<String, TemplateFunction> f, Instant now, Map<String, String> env) {
    // environment and time, given
    f.put("env", args -> env.getOrDefault(text(arg(args, 1, "env", 0)), ""));
    f.put("expandenv", args -> expand(text(arg(args, 1, "expandenv", 0)), env));
    dates(f, now);
    // defaults and flow
    f.put("default", args -> {
      count(args, 1, 2, "default");
      return args.size() < 2 || empty(args.get(1)) ? args.get(0) : args.get(1);
    });
    f.put("empty", args -> empty(arg(args, 1, "empty", 0)));
    f.put("coalesce", args -> args.stream().filter(a -> !empty(a)).findFirst().orElse(null));
    f.put("ternary", args -> GoValues.truth(arg(args, 3, "ternary", 2)) ? args.get(0) : args.get(1));
    f.put("required", args -> {
      Object v = arg(args, 2, "required", 1);
      if (v == null || "".equals(v)) {
        throw new TemplateException(text(args.get(0)));
      }
      return v;
    });
    f.put("fail", args -> {
      throw new TemplateException(text(arg(args, 1, "fail", 0)));
    });
    // strings
    f.put("upper", args -> text(arg(args, 1, "upper", 0)).toUpperCase(Locale.ROOT));
    f.put("lower", args -> text(arg(args, 1, "lower", 0)).toLowerCase(Locale.ROOT));
    f.put("title", args -> title(text(arg(args, 1, "title", 0))));
    f.put("trim", args -> text(arg(args, 1, "trim", 0)).strip());
    f.put("trimSpace", args -> text(arg(args, 1, "trimSpace", 0)).strip());
    f.put("trimPrefix", args -> {
      String p = text(arg(args, 2, "trimPrefix", 0));
      String s = text(args.get(1));
      return s.startsWith(p) ? s.substring(p.length()) : s;
    });
    f.put("trimSuffix", args -> {
      String p = text(arg(args, 2, "trimSuffix", 0));
      String s = text(args.get(1));
      return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    });
    f.put("trimAll", args -> trimAll(text(arg(args, 2, "trimAll", 1)), text(args.get(0))));
    f.put("replace", args -> text(arg(args, 3, "replace", 2)).replace(text(args.get(0)), text(args.get(1))));
    f.put("repeat", args -> text(arg(args, 2, "repeat", 1)).repeat(Math.max(0, (int) toInt(args.get(0)))));
    f.put("contains", args -> text(arg(args, 2, "contains", 1)).contains(text(args.get(0))));
    f.put("hasPrefix", args -> text(arg(args, 2, "hasPrefix", 1)).startsWith(text(args.get(0))));
    f.put("hasSuffix", args -> text(arg(args, 2, "hasSuffix", 1)).endsWith(text(args.get(0))));
    f.put("quote", args -> join(args, a -> a == null ? null : goQuote(GoValues.print(a))));
    f.put("squote", args -> join(args, a -> a == null ? null : "'" + GoValues.print(a) + "'"));
    f.put("cat", args -> join(args, a -> a == null ? null : GoValues.print(a)));
    f.put("nospace", args -> text(arg(args, 1, "nospace", 0)).replaceAll("\\s", ""));
    f.put("trunc", args -> {
      int n = (int) toInt(arg(args, 2, "trunc", 0));
      String s = text(args.get(1));
      return n >= 0 ? s.substring(0, Math.min(n, s.length())) : s.substring(Math.max(0, s.length() + n));
    });
    f.put("substr", args -> {
      String s = text(arg(args, 3, "substr", 2));
      int start = (int) toInt(args.get(0));
      int end = (int) toInt(args.get(1));
      start = Math.max(0, start);
      end = end < 0 || end > s.length() ? s.length() : end;
      return start > end ? "" : s.substring(start, end);
    });
    f.put("indent", args -> indent((int) toInt(arg(args, 2, "indent", 0)), text(args.get(1))));
    f.put("nindent", args -> "\n" + indent((int) toInt(arg(args, 2, "nindent", 0)), text(args.get(1))));
    f.put("snakecase", args -> words(text(arg(args, 1, "snakecase", 0)), "_", false));
    f.put("kebabcase", args -> words(text(arg(args, 1, "kebabcase", 0)), "-", false));
    f.put("camelcase", args -> camel(text(arg(args, 1, "camelcase", 0))));
    f.put("toString", args -> GoValues.print(arg(args, 1, "toString", 0)));
    f.put("toStrings", args -> list(arg(args, 1, "toStrings", 0)).stream().map(a -> (Object) GoValues.print(a)).toList());
    f.put("split", args -> {
      String[] parts = splitAll(text(arg(args, 2, "split", 1)), text(args.get(0)));
      Map<String, Object> m = new CompactMap();
      for (int i = 0; i < parts.length; i++) {
        m.put("_" + i, parts[i]);
      }
      return m;
    });
    f.put("splitList", args -> new ArrayList<Object>(List.of(splitAll(text(arg(args, 2, "splitList", 1)), text(args.get(0))))));
    f.put("join", args -> {
      String sep = text(arg(args, 2, "join", 0));
      List<String> parts = new ArrayList<>();
      for (Object o : list(args.get(1))) {
        parts.add(o == null ? "" : GoValues.print(o));
      }
      return String.join(sep, parts);
    });
    // regular expressions (Go's RE2 syntax, as far as java.util.regex reads it the same)
    f.put("regexMatch", args -> regex(arg(args, 2, "regexMatch", 0)).matcher(text(args.get(1))).find());
    f.put("regexFind", args -> {
      Matcher m = regex(arg(args, 2, "regexFind", 0)).matcher(text(args.get(1)));
      return m.find() ? m.group() : "";
    });
    f.put("regexFindAll", args -> {
      Matcher m = regex(arg(args, 3, "regexFindAll", 0)).matcher(text(args.get(1)));
      long n = toInt(args.get(2));
      List<Object> found = new ArrayList<>();
      while (m.find() && (n < 0 || found.size() < n)) {
        found.add(m.group());
      }
      return found;
    });
    f.put("regexReplaceAll", args -> regex(arg(args, 3, "regexReplaceAll", 0)).matcher(text(args.get(1)))
        .replaceAll(goReplacement(text(args.get(2)))));
    f.put("regexReplaceAllLiteral", args -> regex(arg(args, 3, "regexReplaceAllLiteral", 0)).matcher(text(args.get(1)))
        .replaceAll(Matcher.quoteReplacement(text(args.get(2)))));
    f.put("regexSplit", args -> {
      String[] parts = regex(arg(args, 3, "regexSplit", 0)).split(text(args.get(1)), -1);
      long n = toInt(args.get(2));
      List<Object> out = new ArrayList<>(List.of((Object[]) parts));
      return n < 0 || n >= out.size() ? out : out.subList(0, (int) n);
    });
    f.put("regexQuoteMeta", args -> Pattern.quote(text(arg(args, 1, "regexQuoteMeta", 0))));
    // encodings and hashes
    f.put("toJson", args -> GoJson.write(arg(args, 1, "toJson", 0), true, ""));
    f.put("toRawJson", args -> GoJson.write(arg(args, 1, "toRawJson", 0), false, ""));
    f.put("toPrettyJson", args -> GoJson.write(arg(args, 1, "toPrettyJson", 0), true, "  "));
    f.put("fromJson", args -> fromJson(text(arg(args, 1, "fromJson", 0)), false));
    f.put("mustFromJson", args -> fromJson(text(arg(args, 1, "mustFromJson", 0)), true));
    f.put("toYaml", args -> trimNewline(GoYaml.write(arg(args, 1, "toYaml", 0))));
    f.put("mustToYaml", args -> trimNewline(GoYaml.write(arg(args, 1, "mustToYaml", 0))));
    f.put("fromYaml", args -> fromYaml(text(arg(args, 1, "fromYaml", 0)), false));
    f.put("fromYamlArray", args -> fromYaml(text(arg(args, 1, "fromYamlArray", 0)), true));
    f.put("semver", args -> Semver.parse(text(arg(args, 1, "semver", 0))).toMap());
    f.put("semverCompare", args -> Semver.satisfies(text(arg(args, 2, "semverCompare", 0)),
        Semver.parse(text(args.get(1)))));
    f.put("b64enc", args -> Base64.getEncoder().encodeToString(text(arg(args, 1, "b64enc", 0)).getBytes(StandardCharsets.UTF_8)));
    f.put("b64dec", args -> {
      try {
        return new String(Base64.getDecoder().decode(text(arg(args, 1, "b64dec", 0))), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
    });
    f.put("sha256sum", args -> hash("SHA-256", text(arg(args, 1, "sha256sum", 0))));
    f.put("sha1sum", args -> hash("SHA-1", text(arg(args, 1, "sha1sum", 0))));
    // numbers
    f.put("int", args -> toInt(arg(args, 1, "int", 0)));
    f.put("int64", args -> toInt(arg(args, 1, "int64", 0)));
    f.put("atoi", args -> {
      try {
        return Long.parseLong(text(arg(args, 1, "atoi", 0)).strip());
      } catch (NumberFormatException e) {
        return 0L;
      }
    });
    f.put("float64", args -> toFloat(arg(args, 1, "float64", 0)));
    f.put("add", args -> args.stream().mapToLong(CoreLibrary::toInt).sum());
    f.put("add1", args -> toInt(arg(args, 1, "add1", 0)) + 1);
    f.put("sub", args -> toInt(arg(args, 2, "sub", 0)) - toInt(args.get(1)));
    f.put("mul", args -> args.stream().mapToLong(CoreLibrary::toInt).reduce(1, (a, b) -> a * b));
    f.put("div", args -> {
      long d = toInt(arg(args, 2, "div", 1));
      if (d == 0) {
        throw new TemplateException("runtime error: integer divide by zero");
      }
      return toInt(args.get(0)) / d;
    });
    f.put("mod", args -> {
      long d = toInt(arg(args, 2, "mod", 1));
      if (d == 0) {
        throw new TemplateException("runtime error: integer divide by zero");
      }
      return toInt(args.get(0)) % d;
    });
    f.put("max", args -> args.stream().mapToLong(CoreLibrary::toInt).max().orElse(0));
    f.put("min", args -> args.stream().mapToLong(CoreLibrary::toInt).min().orElse(0));
    // lists
    f.put("list", args -> new ArrayList<>(args));
    f.put("first", args -> {
      List<?> l = list(arg(args, 1, "first", 0));
      return l.isEmpty() ? null : l.get(0);
    });
    f.put("last", args -> {
      List<?> l = list(arg(args, 1, "last", 0));
      return l.isEmpty() ? null : l.get(l.size() - 1);
    });
    f.put("rest", args -> {
      List<?> l = list(arg(args, 1, "rest", 0));
      return l.isEmpty() ? List.of() : new ArrayList<>(l.subList(1, l.size()));
    });
    f.put("initial", args -> {
      List<?> l = list(arg(args, 1, "initial", 0));
      return l.isEmpty() ? List.of() : new ArrayList<>(l.subList(0, l.size() - 1));
    });
    f.put("append", args -> {
      List<Object> l = new ArrayList<>(list(arg(args, 2, "append", 0)));
      l.add(args.get(1));
      return l;
    });
    f.put("prepend", args -> {
      List<Object> l = new ArrayList<>(list(arg(args, 2, "prepend", 0)));
      l.add(0, args.get(1));
      return l;
    });
    f.put("concat", args -> {
      List<Object> l = new ArrayList<>();
      args.forEach(a -> l.addAll(list(a)));
      return l;
    });
    f.put("reverse", args -> {
      List<Object> l = new ArrayList<>(list(arg(args, 1, "reverse", 0)));
      java.util.Collections.reverse(l);
      return l;
    });
    f.put("uniq", args -> new ArrayList<>(new LinkedHashSet<>(list(arg(args, 1, "uniq", 0)))));
    f.put("compact", args -> list(arg(args, 1, "compact", 0)).stream().filter(a -> !empty(a)).toList());
    f.put("has", args -> list(arg(args, 2, "has", 1)).contains(args.get(0)));
    f.put("without", args -> {
      List<?> exclude = args.subList(1, args.size());
      return list(atLeast(args, 1, "without")).stream().filter(a -> !exclude.contains(a)).toList();
    });
    f.put("sortAlpha", args -> list(arg(args, 1, "sortAlpha", 0)).stream().map(GoValues::print).sorted()
        .map(s -> (Object) s).toList());
    f.put("until", args -> {
      long n = toInt(arg(args, 1, "until", 0));
      List<Object> l = new ArrayList<>();
      for (long i = 0; i < n && i < 100_000; i++) {
        l.add(i);
      }
      return l;
    });
    // dicts
    f.put("dict", args -> {
      Map<String, Object> m = new CompactMap();
      for (int i = 0; i < args.size(); i += 2) {
        m.put(GoValues.print(args.get(i)), i + 1 < args.size() ? args.get(i + 1) : "");
      }
      return m;
    });
    f.put("get", args -> {
      Object v = map(arg(args, 2, "get", 0)).get(text(args.get(1)));
      return v == null && !map(args.get(0)).containsKey(text(args.get(1))) ? "" : v;
    });
    f.put("hasKey", args -> map(arg(args, 2, "hasKey", 0)).containsKey(text(args.get(1))));
    f.put("keys", args -> {
      TreeSet<String> keys = new TreeSet<>(); // Sprig leaves the order to Go's map iteration; sorted here
      args.forEach(a -> keys.addAll(map(a).keySet()));
      return new ArrayList<Object>(keys);
    });
    f.put("values", args -> new ArrayList<>(new TreeMap<>(map(arg(args, 1, "values", 0))).values()));
    f.put("set", args -> {
      Map<String, Object> m = new CompactMap(map(arg(args, 3, "set", 0)));
      m.put(text(args.get(1)), args.get(2));
      return m;
    });
    f.put("unset", args -> {
      Map<String, Object> m = new CompactMap(map(arg(args, 2, "unset", 0)));
      m.remove(text(args.get(1)));
      return m;
    });
    f.put("pick", args -> {
      Map<String, Object> from = map(atLeast(args, 1, "pick"));
      Map<String, Object> m = new CompactMap();
      for (Object k : args.subList(1, args.size())) {
        if (from.containsKey(text(k))) {
          m.put(text(k), from.get(text(k)));
        }
      }
      return m;
    });
    f.put("omit", args -> {
      Map<String, Object> m = new CompactMap(map(atLeast(args, 1, "omit")));
      args.subList(1, args.size()).forEach(k -> m.remove(text(k)));
      return m;
    });
    f.put("merge", args -> merge(args, false));
    f.put("mergeOverwrite", args -> merge(args, true));
    f.put("deepCopy", args -> arg(args, 1, "deepCopy", 0));
    f.put("dig", args -> {
      if (args.size() < 3) {
        throw new TemplateException("dig needs keys, a default and a map");
      }
      Object current = map(args.get(args.size() - 1));
      for (Object key : args.subList(0, args.size() - 2)) {
        if (!(current instanceof Map<?, ?> m) || !m.containsKey(text(key))) {
          return args.get(args.size() - 2);
        }
        current = m.get(text(key));
      }
      return current;
    });
    f.put("typeOf", args -> GoValues.typeName(arg(args, 1, "typeOf", 0)));
    f.put("kindIs", args -> kind(arg(args, 2, "kindIs", 1)).equals(text(args.get(0))));
    f.put("kindOf", args -> kind(arg(args, 1, "kindOf", 0)));
    // not pure: refused
    for (String name : List.of("uuidv4", "randAlpha", "randAlphaNum", "randAscii", "randNumeric", "randBytes",
        "randInt", "shuffle")) {
      f.put(name, args -> {
        throw new TemplateException(name + " gives a different value at every load, which would change the"
            + " configuration's digest each time; Converge does not run it (write the value in the stack)");
      });
    }
    f.put("getHostByName", outside("getHostByName", "DNS"));
    // Sprig's must* variants return an error where the plain one would panic or, for the regex and
    // JSON functions, swallow it; here the plain ones already fail the template, so each must* is
    // the same function under its own name (its arity message names the plain one)
    for (String name : List.of("toJson", "toRawJson", "toPrettyJson", "regexMatch", "regexFind", "regexFindAll",
        "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit", "append", "prepend", "first", "last", "rest",
        "initial", "reverse", "uniq", "without", "has", "compact", "merge", "mergeOverwrite", "deepCopy")) {
      String must = "must" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      if (f.containsKey(name) && !f.containsKey(must)) {
        f.put(must, f.get(name));
      }
    }
  }

  private static void gomplate(Map<String, TemplateFunction> f, Map<String, String> env) {
    f.put("env", f.containsKey("env") ? f.get("env") : args -> env.getOrDefault(text(arg(args, 1, "env", 0)), ""));
    Map<String, TemplateFunction> envNs = Map.of(
        "Getenv", args -> {
          count(args, 1, 2, "Getenv");
          String v = env.get(text(args.get(0)));
          return v != null && !v.isEmpty() ? v : args.size() > 1 ? text(args.get(1)) : "";
        },
        "ExpandEnv", args -> expand(text(arg(args, 1, "ExpandEnv", 0)), env));
    Map<String, TemplateFunction> strings = new TreeMap<>();
    strings.put("ToUpper", args -> text(arg(args, 1, "ToUpper", 0)).toUpperCase(Locale.ROOT));
    strings.put("ToLower", args -> text(arg(args, 1, "ToLower", 0)).toLowerCase(Locale.ROOT));
    strings.put("Title", args -> title(text(arg(args, 1, "Title", 0))));
    strings.put("TrimSpace", args -> text(arg(args, 1, "TrimSpace", 0)).strip());
    strings.put("Trim", args -> trimAll(text(arg(args, 2, "Trim", 1)), text(args.get(0))));
    strings.put("TrimPrefix", args -> {
      String p = text(arg(args, 2, "TrimPrefix", 0));
      String s = text(args.get(1));
      return s.startsWith(p) ? s.substring(p.length()) : s;
    });
    strings.put("TrimSuffix", args -> {
      String p = text(arg(args, 2, "TrimSuffix", 0));
      String s = text(args.get(1));
      return s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
    });
    strings.put("Split", args -> new ArrayList<Object>(List.of(splitAll(text(arg(args, 2, "Split", 1)), text(args.get(0))))));
    strings.put("Contains", args -> text(arg(args, 2, "Contains", 1)).contains(text(args.get(0))));
    strings.put("HasPrefix", args -> text(arg(args, 2, "HasPrefix", 1)).startsWith(text(args.get(0))));
    strings.put("HasSuffix", args -> text(arg(args, 2, "HasSuffix", 1)).endsWith(text(args.get(0))));
    strings.put("ReplaceAll", args -> text(arg(args, 3, "ReplaceAll", 2)).replace(text(args.get(0)), text(args.get(1))));
    strings.put("Quote", args -> goQuote(GoValues.print(arg(args, 1, "Quote", 0))));
    strings.put("Squote", args -> "'" + GoValues.print(arg(args, 1, "Squote", 0)) + "'");
    strings.put("Repeat", args -> text(arg(args, 2, "Repeat", 1)).repeat(Math.max(0, (int) toInt(args.get(0)))));
    strings.put("SnakeCase", args -> words(text(arg(args, 1, "SnakeCase", 0)), "_", false));
    strings.put("KebabCase", args -> words(text(arg(args, 1, "KebabCase", 0)), "-", false));
    strings.put("CamelCase", args -> camel(text(arg(args, 1, "CamelCase", 0))));
    strings.put("Indent", args -> {
      count(args, 1, 3, "Indent");
      int width = args.size() >= 2 ? (int) toInt(args.get(0)) : 1;
      String pad = args.size() == 3 ? text(args.get(1)) : " ";
      return indentWith(pad.repeat(Math.max(0, width)), text(args.get(args.size() - 1)));
    });
    Map<String, TemplateFunction> conv = new TreeMap<>();
    conv.put("ToString", args -> GoValues.print(arg(args, 1, "ToString", 0)));
    conv.put("ToInt", args -> toInt(arg(args, 1, "ToInt", 0)));
    conv.put("ToInt64", args -> toInt(arg(args, 1, "ToInt64", 0)));
    conv.put("ToFloat64", args -> toFloat(arg(args, 1, "ToFloat64", 0)));
    conv.put("ToBool", args -> {
      Object v = arg(args, 1, "ToBool", 0);
      return v instanceof Boolean b ? b : List.of("1", "t", "true", "yes", "on").contains(GoValues.print(v).toLowerCase(Locale.ROOT));
    });
    conv.put("Default", args -> args.size() < 2 || empty(args.get(1)) ? args.get(0) : args.get(1));
    conv.put("Join", args -> {
      List<String> parts = new ArrayList<>();
      list(arg(args, 2, "Join", 0)).forEach(o -> parts.add(GoValues.print(o)));
      return String.join(text(args.get(1)), parts);
    });
    Map<String, TemplateFunction> coll = new TreeMap<>();
    coll.put("Slice", ArrayList::new);
    coll.put("Dict", args -> f.get("dict").call(args));
    coll.put("Has", args -> {
      Object in = arg(args, 2, "Has", 0);
      return in instanceof Map<?, ?> m ? m.containsKey(args.get(1)) : in instanceof List<?> l && l.contains(args.get(1));
    });
    coll.put("Keys", args -> {
      List<Object> out = new ArrayList<>();
      args.forEach(a -> out.addAll(new TreeMap<>(map(a)).keySet()));
      return out;
    });
    coll.put("Values", args -> {
      List<Object> out = new ArrayList<>();
      args.forEach(a -> out.addAll(new TreeMap<>(map(a)).values()));
      return out;
    });
    coll.put("Append", args -> {
      List<Object> l = new ArrayList<>(list(arg(args, 2, "Append", 1)));
      l.add(args.get(0));
      return l;
    });
    coll.put("Prepend", args -> {
      List<Object> l = new ArrayList<>(list(arg(args, 2, "Prepend", 1)));
      l.add(0, args.get(0));
      return l;
    });
    coll.put("Reverse", args -> {
      List<Object> l = new ArrayList<>(list(arg(args, 1, "Reverse", 0)));
      java.util.Collections.reverse(l);
      return l;
    });
    coll.put("Uniq", args -> new ArrayList<>(new LinkedHashSet<>(list(arg(args, 1, "Uniq", 0)))));
    coll.put("Flatten", args -> {
      count(args, 1, 2, "Flatten");
      List<Object> out = new ArrayList<>();
      flatten(list(args.get(args.size() - 1)), args.size() == 2 ? toInt(args.get(0)) : -1, out);
      return out;
    });
    Map<String, TemplateFunction> math = new TreeMap<>();
    math.put("Add", args -> arithmetic(args, false));
    math.put("Mul", args -> arithmetic(args, true));
    math.put("Sub", args -> {
      arg(args, 2, "Sub", 0);
      return allInts(args) ? (Object) (toInt(args.get(0)) - toInt(args.get(1))) : toFloat(args.get(0)) - toFloat(args.get(1));
    });
    math.put("Div", args -> {
      double d = toFloat(arg(args, 2, "Div", 1));
      if (d == 0) {
        throw new TemplateException("error dividing by 0");
      }
      return toFloat(args.get(0)) / d;
    });
    math.put("Rem", args -> {
      long d = toInt(arg(args, 2, "Rem", 1));
      if (d == 0) {
        throw new TemplateException("runtime error: integer divide by zero");
      }
      return toInt(args.get(0)) % d;
    });
    math.put("Pow", args -> Math.pow(toFloat(arg(args, 2, "Pow", 0)), toFloat(args.get(1))));
    math.put("Abs", args -> allInts(List.of(arg(args, 1, "Abs", 0))) ? (Object) Math.abs(toInt(args.get(0)))
        : Math.abs(toFloat(args.get(0))));
    math.put("Ceil", args -> Math.ceil(toFloat(arg(args, 1, "Ceil", 0))));
    math.put("Floor", args -> Math.floor(toFloat(arg(args, 1, "Floor", 0))));
    math.put("Round", args -> (double) Math.round(toFloat(arg(args, 1, "Round", 0))));
    math.put("Max", args -> allInts(args) ? (Object) args.stream().mapToLong(CoreLibrary::toInt).max().orElse(0)
        : args.stream().mapToDouble(CoreLibrary::toFloat).max().orElse(0));
    math.put("Min", args -> allInts(args) ? (Object) args.stream().mapToLong(CoreLibrary::toInt).min().orElse(0)
        : args.stream().mapToDouble(CoreLibrary::toFloat).min().orElse(0));
    math.put("Seq", args -> {
      count(args, 1, 3, "Seq");
      long start = args.size() >= 2 ? toInt(args.get(0)) : 1;
      long end = args.size() == 1 ? toInt(args.get(0)) : toInt(args.get(1));
      long step = args.size() == 3 ? toInt(args.get(2)) : start <= end ? 1 : -1;
      List<Object> out = new ArrayList<>();
      for (long i = start; step > 0 ? i <= end : step < 0 && i >= end; i += step) {
        if (out.size() == 100_000) {
          throw new TemplateException("math.Seq: more than 100000 numbers");
        }
        out.add(i);
      }
      return out;
    });
    Map<String, TemplateFunction> data = new TreeMap<>();
    data.put("ToJSON", args -> GoJson.write(arg(args, 1, "ToJSON", 0), false, ""));
    data.put("ToJSONPretty", args -> GoJson.write(arg(args, 2, "ToJSONPretty", 1), false, text(args.get(0))));
    data.put("JSON", args -> fromJson(text(arg(args, 1, "JSON", 0)), true));
    data.put("JSONArray", args -> fromJson(text(arg(args, 1, "JSONArray", 0)), true));
    f.put("strings", args -> namespace(strings));
    f.put("conv", args -> namespace(conv));
    f.put("coll", args -> namespace(coll));
    f.put("math", args -> namespace(math));
    f.put("data", args -> namespace(data));
    f.put("getenv", envNs.get("Getenv"));
    f.put("env", args -> args.isEmpty() ? namespace(envNs) : env.getOrDefault(text(args.get(0)), ""));
  }

  // helpers

  private static Object arg(List<Object> args, int want, String name, int index) {
    if (args.size() != want) {
      throw new TemplateException("wrong number of args for " + name + ": want " + want + " got " + args.size());
    }
    return args.get(index);
  }

  private static Object atLeast(List<Object> args, int min, String name) {
    if (args.size() < min) {
      throw new TemplateException("wrong number of args for " + name + ": want at least " + min + " got " + args.size());
    }
    return args.get(0);
  }

  private static void count(List<Object> args, int min, int max, String name) {
    if (args.size() < min || args.size() > max) {
      throw new TemplateException("wrong number of args for " + name + ": want " + min + (max > min ? " to " + max : "")
          + " got " + args.size());
    }
  }

  static String text(Object v) {
    return v == null ? "" : v instanceof String s ? s : GoValues.print(v);
  }

  private static Instant instant(Object v) {
    if (v instanceof Instant i) {
      return i;
    }
    if (v instanceof GoTime t) {
      return t.instant();
    }
    throw new TemplateException("wrong type for value; expected time.Time; got " + GoValues.typeName(v));
  }

  /**
   * Sprig's date functions ({@code date.go}) over the injected {@code now}, never the wall clock:
   * {@code now} is that instant in Go's Local zone, which is UTC here (a load reads no machine's
   * zone); "time.Now()" in Sprig's fallbacks ({@code date} of a non-time, {@code ago}) is it too.
   * Layouts are Go's reference layouts ({@code "2006-01-02"}), durations Go's.
   */
  private static void dates(Map<String, TemplateFunction> f, Instant now) {
    GoTime current = GoTime.of(now, GoTime.LOCAL);
    f.put("now", args -> {
      count(args, 0, 0, "now");
      return current;
    });
    f.put("unixEpoch", args -> Long.toString(instant(arg(args, 1, "unixEpoch", 0)).getEpochSecond()));
    f.put("date", args -> time(arg(args, 2, "date", 1), current).in(GoTime.LOCAL).format(text(args.get(0))));
    f.put("dateInZone", args -> time(arg(args, 3, "dateInZone", 1), current).in(zoneOrUtc(text(args.get(2))))
        .format(text(args.get(0))));
    f.put("htmlDate", args -> time(arg(args, 1, "htmlDate", 0), current).in(GoTime.LOCAL).format("2006-01-02"));
    f.put("htmlDateInZone", args -> time(arg(args, 2, "htmlDateInZone", 0), current).in(zoneOrUtc(text(args.get(1))))
        .format("2006-01-02"));
    f.put("dateModify", args -> {
      GoTime t = goTime(arg(args, 2, "dateModify", 1));
      try {
        return t.plusNanos(GoTime.parseDuration(text(args.get(0))));
      } catch (TemplateException e) {
        return t;
      }
    });
    f.put("mustDateModify", args -> goTime(arg(args, 2, "mustDateModify", 1))
        .plusNanos(GoTime.parseDuration(text(args.get(0)))));
    f.put("duration", args -> {
      Object v = arg(args, 1, "duration", 0);
      long seconds = 0;
      if (v instanceof String str) {
        try {
          seconds = Long.parseLong(str);
        } catch (NumberFormatException e) {
          seconds = 0;
        }
      } else if (v instanceof Long || v instanceof Integer) {
        seconds = ((Number) v).longValue();
      }
      return GoTime.durationString(seconds * 1_000_000_000L); // wraps on overflow, as Go's Duration does
    });
    f.put("durationRound", args -> {
      Object v = arg(args, 1, "durationRound", 0);
      long nanos = 0;
      if (v instanceof String str) {
        try {
          nanos = GoTime.parseDuration(str);
        } catch (TemplateException e) {
          nanos = 0;
        }
      } else if (v instanceof Long || v instanceof Integer) {
        nanos = ((Number) v).longValue();
      } else if (v instanceof GoTime || v instanceof Instant) {
        nanos = java.time.Duration.between(instant(v), now).toNanos();
      }
      return durationRound(nanos);
    });
    f.put("ago", args -> {
      GoTime t = time(arg(args, 1, "ago", 0), current);
      long nanos = java.time.Duration.between(t.instant(), now).toNanos();
      return GoTime.durationString(roundToSecond(nanos));
    });
    f.put("toDate", args -> {
      try {
        return GoTime.parse(text(arg(args, 2, "toDate", 0)), text(args.get(1)), GoTime.LOCAL);
      } catch (TemplateException e) {
        return GoTime.ZERO;
      }
    });
    f.put("mustToDate", args -> GoTime.parse(text(arg(args, 2, "mustToDate", 0)), text(args.get(1)), GoTime.LOCAL));
  }

  /** A time argument of Sprig's formatDate: a time, or Unix seconds; anything else is "now". */
  private static GoTime time(Object v, GoTime now) {
    if (v instanceof GoTime t) {
      return t;
    }
    if (v instanceof Instant i) {
      return GoTime.of(i, GoTime.LOCAL);
    }
    if (v instanceof Long || v instanceof Integer) {
      return GoTime.of(Instant.ofEpochSecond(((Number) v).longValue()), GoTime.LOCAL);
    }
    return now;
  }

  /** A time where Go's signature wants a time.Time. */
  private static GoTime goTime(Object v) {
    if (v instanceof GoTime t) {
      return t;
    }
    if (v instanceof Instant i) {
      return GoTime.of(i, GoTime.LOCAL);
    }
    throw new TemplateException("wrong type for value; expected time.Time; got " + GoValues.typeName(v));
  }

  /** Sprig falls back to UTC when the zone is unknown. */
  private static java.time.ZoneId zoneOrUtc(String name) {
    try {
      return GoTime.zone(name);
    } catch (TemplateException e) {
      return java.time.ZoneOffset.UTC;
    }
  }

  /** Go's {@code Duration.Round(time.Second)}: halfway values away from zero. */
  private static long roundToSecond(long nanos) {
    long second = 1_000_000_000L;
    long r = nanos % second;
    long down = nanos - r;
    if (nanos < 0) {
      return -r + -r < second ? down : down - second;
    }
    return r + r < second ? down : down + second;
  }

  /** Sprig's {@code durationRound}: the largest whole unit (y, mo, d, h, m, s) of the absolute duration. */
  private static String durationRound(long nanos) {
    java.math.BigInteger u = java.math.BigInteger.valueOf(nanos).abs();
    long hour = 3_600_000_000_000L;
    long[] sizes = {hour * 24 * 365, hour * 24 * 30, hour * 24, hour, 60_000_000_000L, 1_000_000_000L};
    String[] units = {"y", "mo", "d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      java.math.BigInteger size = java.math.BigInteger.valueOf(sizes[i]);
      if (u.compareTo(size) > 0) {
        return u.divide(size) + units[i];
      }
    }
    return "0s";
  }

  /** Sprig's (and Go template's) emptiness: nil, false, 0, "", and empty lists and maps. */
  static boolean empty(Object v) {
    return !GoValues.truth(v);
  }

  static long toInt(Object v) {
    if (v instanceof Integer i) {
      return i;
    }
    if (v instanceof Long l) {
      return l;
    }
    if (v instanceof BigInteger b) {
      return b.longValue();
    }
    if (v instanceof Double d) {
      return d.longValue();
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof String s) {
      try {
        return Long.parseLong(s.strip());
      } catch (NumberFormatException e) {
        try {
          return (long) Double.parseDouble(s.strip());
        } catch (NumberFormatException e2) {
          return 0;
        }
      }
    }
    return 0;
  }

  private static double toFloat(Object v) {
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.strip());
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return v instanceof Boolean b && b ? 1 : 0;
  }

  /** Integers when every argument is one (as Gomplate's math does), else floats. */
  private static boolean allInts(List<Object> args) {
    for (Object o : args) {
      if (o instanceof Double || o instanceof String s && s.contains(".")) {
        return false;
      }
    }
    return true;
  }

  private static Object arithmetic(List<Object> args, boolean multiply) {
    if (allInts(args)) {
      long r = multiply ? 1 : 0;
      for (Object o : args) {
        r = multiply ? r * toInt(o) : r + toInt(o);
      }
      return r;
    }
    double r = multiply ? 1 : 0;
    for (Object o : args) {
      r = multiply ? r * toFloat(o) : r + toFloat(o);
    }
    return r;
  }

  private static void flatten(List<?> in, long depth, List<Object> out) {
    for (Object o : in) {
      if (o instanceof List<?> l && depth != 0) {
        flatten(l, depth - 1, out);
      } else {
        out.add(o);
      }
    }
  }

  private static List<?> list(Object v) {
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> l) {
      return l;
    }
    throw new TemplateException("expected a list, got " + GoValues.typeName(v));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object v) {
    if (v == null) {
      return Map.of();
    }
    if (v instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new TemplateException("expected a map, got " + GoValues.typeName(v));
  }

  private static String join(List<Object> args, java.util.function.Function<Object, String> each) {
    List<String> parts = new ArrayList<>();
    for (Object a : args) {
      String s = each.apply(a);
      if (s != null) {
        parts.add(s);
      }
    }
    return String.join(" ", parts);
  }

  private static String goQuote(String s) {
    return dev.converge.yaml.internal.template.GoFmt.quote(s);
  }

  private static String title(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      out.append(start ? Character.toTitleCase(c) : c);
      start = Character.isWhitespace(c) || !Character.isLetterOrDigit(c) && c != '\'' && c != '_';
    }
    return out.toString();
  }

  private static String trimAll(String s, String cutset) {
    int start = 0;
    int end = s.length();
    while (start < end && cutset.indexOf(s.charAt(start)) >= 0) {
      start++;
    }
    while (end > start && cutset.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(start, end);
  }

  private static String[] splitAll(String s, String sep) {
    if (sep.isEmpty()) {
      return s.codePoints().mapToObj(Character::toString).toArray(String[]::new);
    }
    return s.split(Pattern.quote(sep), -1);
  }

  private static String indent(int n, String s) {
    return indentWith(" ".repeat(Math.max(0, n)), s);
  }

  private static String indentWith(String pad, String s) {
    return pad + s.replace("\n", "\n" + pad);
  }

  /** Words split at case changes, blanks, {@code -} and {@code _}, joined by {@code sep} in lower case. */
  private static String words(String s, String sep, boolean upperFirst) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '-' || c == '_' || Character.isWhitespace(c)) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      if (Character.isUpperCase(c) && word.length() > 0 && !Character.isUpperCase(word.charAt(word.length() - 1))) {
        words.add(word.toString());
        word.setLength(0);
      }
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    return String.join(sep, words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList());
  }

  private static String camel(String s) {
    StringBuilder out = new StringBuilder();
    for (String w : s.split("[_\\-\\s]+")) {
      if (!w.isEmpty()) {
        out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    return out.toString();
  }

  /** Go's os.Expand: {@code $NAME} and {@code ${NAME}} from the environment, an unset one empty. */
  private static String expand(String s, Map<String, String> env) {
    Matcher m = Pattern.compile("\\$\\{([^}]*)}|\\$([A-Za-z0-9_]+)").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(out, Matcher.quoteReplacement(env.getOrDefault(name, "")));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Pattern regex(Object expression) {
    try {
      return Pattern.compile(text(expression));
    } catch (PatternSyntaxException e) {
      throw new TemplateException("error parsing regexp: " + e.getDescription() + ": `" + text(expression) + "`");
    }
  }

  /** Go's {@code $1}, {@code ${1}} and {@code ${name}} in a replacement, in Java's syntax. */
  private static String goReplacement(String replacement) {
    StringBuilder out = new StringBuilder();
    Matcher m = Pattern.compile("\\$\\{(\\w+)}|\\$(\\w+)|\\\\").matcher(replacement);
    while (m.find()) {
      String group = m.group(1) != null ? m.group(1) : m.group(2);
      String value = group == null ? "\\\\\\\\" : group.chars().allMatch(Character::isDigit) ? "\\$" + group : "\\${" + group + "}";
      m.appendReplacement(out, value);
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String trimNewline(String text) {
    return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * Helm's {@code fromYaml} (a map) and {@code fromYamlArray} (a list): on a parse error, or a
   * document of the other kind, the map holds the message under {@code Error}, the list as its one item.
   */
  private static Object fromYaml(String text, boolean array) {
    dev.converge.yaml.internal.problem.Problems problems = new dev.converge.yaml.internal.problem.Problems();
    Optional<dev.converge.yaml.internal.yaml.YamlFile> parsed =
        dev.converge.yaml.internal.yaml.YamlReader.read("fromYaml", text, problems);
    Object value = parsed.isEmpty() || problems.hasErrors() ? null : parsed.get().value();
    String error = problems.hasErrors() ? "error converting YAML to JSON: " + problems.all().get(0).message() : null;
    if (array) {
      if (error == null && (value == null || value instanceof List)) {
        return value == null ? new ArrayList<>() : value;
      }
      return new ArrayList<>(List.of(error != null ? error
          : "error unmarshaling JSON: json: cannot unmarshal " + jsonKind(value) + " into Go value of type []interface {}"));
    }
    if (error == null && (value == null || value instanceof Map)) {
      return value == null ? new CompactMap() : value;
    }
    Map<String, Object> m = new CompactMap();
    m.put("Error", error != null ? error
        : "error unmarshaling JSON: json: cannot unmarshal " + jsonKind(value)
            + " into Go value of type map[string]interface {}");
    return m;
  }

  private static String jsonKind(Object value) {
    return value instanceof List ? "array" : value instanceof String ? "string" : value instanceof Boolean ? "bool"
        : value instanceof Map ? "object" : "number";
  }

  private static Object fromJson(String text, boolean must) {
    if (!JsonText.isJson(text)) { // strict, as Go's json.Unmarshal: `{a: 1}` is YAML, not JSON
      if (must) {
        throw new TemplateException("invalid character in JSON: " + text);
      }
      return Map.of();
    }
    return JsonText.parseOr(text, null);
  }

  private static String hash(String algorithm, String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + algorithm, e);
    }
  }

  private static Map<String, Object> merge(List<Object> args, boolean overwrite) {
    if (args.isEmpty()) {
      throw new TemplateException("wrong number of args for merge: want at least 1 got 0");
    }
    Map<String, Object> result = deepCopy(map(args.get(0)));
    for (Object source : args.subList(1, args.size())) {
      mergeInto(result, map(source), overwrite);
    }
    return result;
  }

  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> copy = new CompactMap();
    m.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> sub ? deepCopy(map(sub)) : v));
    return copy;
  }

  private static void mergeInto(Map<String, Object> dst, Map<String, Object> src, boolean overwrite) {
    src.forEach((k, v) -> {
      Object existing = dst.get(k);
      if (existing instanceof Map<?, ?> e && v instanceof Map<?, ?> s) {
        Map<String, Object> child = deepCopy(map(e));
        mergeInto(child, map(s), overwrite);
        dst.put(k, child);
      } else if (!dst.containsKey(k) || overwrite || empty(existing)) {
        dst.put(k, v instanceof Map<?, ?> s ? deepCopy(map(s)) : v);
      }
    });
  }

  private static String kind(Object v) {
    if (v == null) {
      return "invalid";
    }
    if (v instanceof String) {
      return "string";
    }
    if (v instanceof Boolean) {
      return "bool";
    }
    if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
      return "int64";
    }
    if (v instanceof Double) {
      return "float64";
    }
    if (v instanceof Map) {
      return "map";
    }
    if (v instanceof List) {
      return "slice";
    }
    return "func";
  }
}
