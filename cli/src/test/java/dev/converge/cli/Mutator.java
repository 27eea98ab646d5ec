package dev.converge.cli;

import dev.converge.cli.LoaderFuzzTest.Corpus;
import dev.converge.cli.LoaderFuzzTest.Mutation;
import dev.converge.cli.LoaderFuzzTest.TypeChange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The mutations of {@link LoaderFuzzTest}: each writes one mutant of one file and says what it did. */
final class Mutator {

  private Mutator() {}

  /** Byte sequences inserted or written over: invalid UTF-8, NUL, BOMs, CR, a lone surrogate, C0 controls. */
  static final byte[][] BYTES = {{(byte) 0xFF, (byte) 0xFE}, {0}, {(byte) 0xC3}, {(byte) 0x80},
      {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {'\r'}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
      {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {0x07}, {0x1B}, {'\t'}, {':'}, {'"'},
      {'{'}, {'&', 'a'}, {'*', 'a'}, {'!'}};

  /** Values of each wrong kind: numbers (huge, negative), strings, lists, maps, nulls, bad durations, instants, zones, windows. */
  static final String[] VALUES = {"42", "-7", "99999999999999999999999", "3.5", "\"text\"", "[a, b]", "{a: 1}",
      "null", "~", "true", "[]", "{}", "\"-5s\"", "\"90x\"", "2026-13-45T99:00:00Z", "\"Mars/Olympus\"",
      "\"Mon-Fri 25:00-26:00 UTC\"", "\"\"", "-1", "0"};

  static final Pattern KEY_LINE = Pattern.compile("^( *)(- +)?([A-Za-z0-9_./-]+|\"[^\"]*\"):( +(.*))?$");

  static Mutation mutate(String file, byte[] original, Random random, Corpus corpus, List<Path> extra)
      throws IOException {
    Path path = corpus.root().resolve(file);
    if (file.endsWith(".jsonl")) {
      return ledger(file, original, random, path);
    }
    int operator = random.nextInt(10);
    return switch (operator) {
      case 0, 1 -> bytes(file, original, random, path);
      case 2 -> lines(file, original, random, path, "delete");
      case 3 -> lines(file, original, random, path, "duplicate");
      case 4 -> lines(file, original, random, path, "indent");
      case 5 -> imports(file, original, random, corpus, extra).orElseGet(() -> typeOrBytes(file, original, random,
          corpus));
      default -> typeOrBytes(file, original, random, corpus);
    };
  }

  private static Mutation typeOrBytes(String file, byte[] original, Random random, Corpus corpus) {
    try {
      Optional<Mutation> typed = types(file, original, random, corpus);
      return typed.isPresent() ? typed.get() : bytes(file, original, random, corpus.root().resolve(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Mutation bytes(String file, byte[] original, Random random, Path path) throws IOException {
    byte[] insert = BYTES[random.nextInt(BYTES.length)];
    int at = original.length == 0 ? 0 : random.nextInt(original.length + 1);
    boolean overwrite = random.nextBoolean() && at + insert.length <= original.length;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(original, 0, at);
    out.write(insert);
    int rest = overwrite ? at + insert.length : at;
    out.write(original, rest, original.length - rest);
    Files.write(path, out.toByteArray());
    return new Mutation(file, (overwrite ? "overwrite" : "insert") + " bytes " + HexFormat.of().formatHex(insert)
        + " at offset " + at, Optional.empty());
  }

  private static List<String> lines(byte[] bytes) {
    return new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
  }

  private static void write(Path path, List<String> lines) throws IOException {
    Files.writeString(path, String.join("\n", lines), StandardCharsets.UTF_8);
  }

  private static Mutation lines(String file, byte[] original, Random random, Path path, String how)
      throws IOException {
    List<String> lines = lines(original);
    int i = random.nextInt(lines.size());
    String description;
    switch (how) {
      case "delete" -> {
        description = "delete line " + (i + 1) + " `" + lines.remove(i) + "`";
      }
      case "duplicate" -> {
        lines.add(i, lines.get(i));
        description = "duplicate line " + (i + 1) + " `" + lines.get(i) + "`";
      }
      default -> {
        int shift = random.nextBoolean() ? 1 + random.nextInt(3) : -(1 + random.nextInt(2));
        String line = lines.get(i);
        lines.set(i, shift > 0 ? " ".repeat(shift) + line : line.substring(Math.min(-shift, leading(line))));
        description = "indent line " + (i + 1) + " by " + shift;
      }
    }
    write(path, lines);
    return new Mutation(file, description, Optional.empty());
  }

  private static int leading(String line) {
    int n = 0;
    while (n < line.length() && line.charAt(n) == ' ') {
      n++;
    }
    return n;
  }

  /** A key's value replaced by a value of another kind; the type change it makes when the key is checked. */
  private static Optional<Mutation> types(String file, byte[] original, Random random, Corpus corpus)
      throws IOException {
    List<String> lines = lines(original);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (KEY_LINE.matcher(lines.get(i)).matches()) {
        candidates.add(i);
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    int i = candidates.get(random.nextInt(candidates.size()));
    Matcher m = KEY_LINE.matcher(lines.get(i));
    m.matches();
    String value = m.group(5) == null ? "" : m.group(5).strip();
    String replacement = VALUES[random.nextInt(VALUES.length)];
    List<String> keyPath = keyPath(lines, i);
    int indent = m.group(1).length() + (m.group(2) == null ? 0 : m.group(2).length());
    int end = i + 1;
    if (value.isEmpty() || value.equals("|") || value.equals(">")) {
      while (end < lines.size() && (lines.get(end).isBlank() || leading(lines.get(end)) > indent
          || leading(lines.get(end)) == indent && lines.get(end).stripLeading().startsWith("- ")
          && m.group(2) == null)) {
        end++;
      }
    }
    String kind = value.isEmpty() ? blockKind(lines, i + 1, end) : kind(value);
    List<String> block = new ArrayList<>(lines.subList(i, end));
    lines.subList(i, end).clear();
    lines.add(i, m.group(1) + (m.group(2) == null ? "" : m.group(2)) + m.group(3) + ": " + replacement);
    Files.writeString(corpus.root().resolve(file), String.join("\n", lines), StandardCharsets.UTF_8);
    Optional<TypeChange> change = Optional.empty();
    boolean plain = keyPath != null && block.stream().noneMatch(l -> l.contains("{{") || l.contains("!"));
    if (plain && !kind.equals(kind(replacement)) && !kind(replacement).equals("null")) {
      if (corpus.ledger() && file.equals("rollout.yaml") && !kind.equals("null")) {
        change = Optional.of(new TypeChange(keyPath, replacement));
      } else if (corpus.allRead() && file.startsWith("stacks/")) {
        String expected = documentedType(keyPath);
        if (expected != null && !fits(expected, replacement)) {
          change = Optional.of(new TypeChange(keyPath, replacement));
        }
      }
    }
    return Optional.of(new Mutation(file, "line " + (i + 1) + ": `" + String.join(".", keyPath == null ? List.of("?")
        : keyPath) + "` (" + kind + ", " + block.size() + " lines) replaced by `" + replacement + "`", change));
  }

  /** The key path of line {@code i}, or null when a list lies on the way. */
  static List<String> keyPath(List<String> lines, int i) {
    List<String> path = new ArrayList<>();
    int indent = Integer.MAX_VALUE;
    for (int j = i; j >= 0; j--) {
      Matcher m = KEY_LINE.matcher(lines.get(j));
      String line = lines.get(j);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      int at = leading(line);
      if (at >= indent && j != i) {
        continue;
      }
      if (line.stripLeading().startsWith("- ") || !m.matches()) {
        return null;
      }
      path.add(0, m.group(3).replace("\"", ""));
      indent = at;
      if (at == 0) {
        return path;
      }
    }
    return null;
  }

  static String kind(String value) {
    if (value.startsWith("[")) {
      return "list";
    }
    if (value.startsWith("{")) {
      return "map";
    }
    if (value.equals("null") || value.equals("~") || value.isEmpty()) {
      return "null";
    }
    return "scalar";
  }

  private static String blockKind(List<String> lines, int from, int to) {
    for (int j = from; j < to; j++) {
      String l = lines.get(j).strip();
      if (!l.isEmpty() && !l.startsWith("#")) {
        return l.startsWith("- ") || l.equals("-") ? "list" : "map";
      }
    }
    return "null";
  }

  private static String documentedType(List<String> path) {
    for (Map.Entry<String, String> e : LoaderFuzzTest.keyTable.entrySet()) {
      String[] segments = e.getKey().split("\\.");
      if (segments.length != path.size()) {
        continue;
      }
      boolean match = true;
      for (int k = 0; k < segments.length && match; k++) {
        String key = path.get(k);
        match = switch (segments[k]) {
          case "<type>" -> List.of("terraform", "helmfile", "packer", "ansible").contains(key);
          case "<component>" -> true;
          case "<map section>" -> LoaderFuzzTest.mapSections.contains(key);
          default -> segments[k].equals(key);
        };
      }
      if (match) {
        return e.getValue();
      }
    }
    return null;
  }

  private static boolean fits(String documented, String value) {
    String kind = kind(value);
    return switch (documented) {
      case "map" -> kind.equals("map");
      case "list" -> kind.equals("list");
      case "string" -> kind.equals("scalar");
      case "boolean" -> value.equals("true") || value.equals("false");
      case "list of paths" -> kind.equals("list") || kind.equals("scalar");
      default -> true;
    };
  }

  /** An import redirected: missing, a cycle, outside the repository, absolute, or through a symlink leaving it. */
  private static Optional<Mutation> imports(String file, byte[] original, Random random, Corpus corpus,
      List<Path> extra) throws IOException {
    List<String> lines = lines(original);
    List<Integer> items = new ArrayList<>();
    boolean inImport = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.startsWith("import:")) {
        inImport = true;
      } else if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("-")) {
        inImport = false;
      } else if (inImport && line.stripLeading().startsWith("- ")) {
        items.add(i);
      }
    }
    if (items.isEmpty()) {
      return Optional.empty();
    }
    int i = items.get(random.nextInt(items.size()));
    String self = file.replaceFirst("^stacks/", "").replaceFirst("\\.ya?ml$", "");
    String target = switch (random.nextInt(6)) {
      case 0 -> "catalog/does-not-exist";
      case 1 -> self;
      case 2 -> "../../../../../etc/passwd";
      case 3 -> "/etc/hosts";
      case 4 -> "catalog/*/nothing-*";
      default -> {
        Path link = corpus.root().resolve(file).resolveSibling("fuzz-link.yaml");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of("/etc/hostname"));
        extra.add(link);
        yield RelativeName.of(file).replaceFirst("[^/]*$", "fuzz-link");
      }
    };
    String line = lines.get(i);
    lines.set(i, line.substring(0, line.indexOf("- ") + 2) + "\"" + target + "\"");
    write(corpus.root().resolve(file), lines);
    return Optional.of(new Mutation(file, "import at line " + (i + 1) + " redirected to `" + target + "`",
        Optional.empty()));
  }

  /** The import name of a stack file: relative to the stacks folder, without extension. */
  static final class RelativeName {
    static String of(String file) {
      return file.replaceFirst("^stacks/", "").replaceFirst("\\.ya?ml$", "");
    }
  }

  private static Mutation ledger(String file, byte[] original, Random random, Path path) throws IOException {
    List<String> lines = lines(original);
    int n = Math.max(1, lines.size() - 1);
    int i = random.nextInt(n);
    String description;
    switch (random.nextInt(5)) {
      case 0 -> {
        String line = lines.get(i);
        lines.set(i, line.substring(0, line.isEmpty() ? 0 : random.nextInt(line.length())));
        description = "truncate ledger line " + (i + 1);
      }
      case 1 -> {
        int j = random.nextInt(n);
        String a = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, a);
        description = "swap ledger lines " + (i + 1) + " and " + (j + 1);
      }
      case 2 -> {
        String line = lines.get(i);
        if (line.isEmpty()) {
          lines.set(i, "x");
        } else {
          int at = random.nextInt(line.length());
          lines.set(i, line.substring(0, at) + (char) ('0' + random.nextInt(75)) + line.substring(at + 1));
        }
        description = "edit a character of ledger line " + (i + 1);
      }
      case 3 -> {
        lines.add(i, lines.get(i));
        description = "duplicate ledger line " + (i + 1);
      }
      default -> {
        lines.remove(i);
        description = "delete ledger line " + (i + 1);
      }
    }
    write(path, lines);
    return new Mutation(file, description, Optional.empty());
  }
}
