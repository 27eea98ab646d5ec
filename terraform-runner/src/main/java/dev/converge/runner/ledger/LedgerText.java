package dev.converge.runner.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.ContentDigest;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The ledger as text, whatever store holds it: every store reads its records into one sequence of
 * lines (a file's lines; a git store's segments end to end; a table's rows in {@code seq} order) and
 * reads, verifies and chains them here, so the chain means the same everywhere and a copy between
 * stores keeps every line's exact text.
 */
final class LedgerText {

  private LedgerText() {}

  /** A non-blank line; {@code torn} when it is the last and has no line break; {@code writer} as the store knows it. */
  record RawLine(int number, String text, boolean torn, Optional<String> writer) {
    RawLine(int number, String text, boolean torn) {
      this(number, text, torn, Optional.empty());
    }
  }

  static List<RawLine> split(byte[] bytes) {
    List<RawLine> lines = new ArrayList<>();
    int start = 0;
    int number = 0;
    for (int i = 0; i <= bytes.length; i++) {
      if (i == bytes.length || bytes[i] == '\n') {
        boolean terminated = i < bytes.length;
        if (!terminated && start == bytes.length) {
          break;
        }
        number++;
        String text = text(bytes, start, i);
        if (!text.isBlank()) {
          lines.add(new RawLine(number, text, !terminated));
        }
        start = i + 1;
      }
    }
    return lines;
  }

  static String text(byte[] bytes, int from, int to) {
    int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
    return new String(bytes, from, Math.max(0, end - from), StandardCharsets.UTF_8);
  }

  static LedgerContents parse(List<RawLine> lines, String label) {
    LedgerContents.Builder contents = LedgerContents.builder().file(label);
    for (RawLine line : lines) {
      Either<Problem, LedgerCodec.Decoded> decoded = LedgerCodec.decode(line.text(), label, line.number());
      if (decoded.isLeft()) {
        contents.addProblem(line.torn() ? torn(line, label) : decoded.getLeft());
      } else {
        contents.addLine(line(line, decoded.get()));
      }
    }
    return contents.build();
  }

  private static LedgerLine line(RawLine line, LedgerCodec.Decoded d) {
    return LedgerLine.builder().number(line.number()).text(line.text()).record(d.record()).id(d.id())
        .writer(line.writer().or(d::writer)).seq(d.seq()).prev(d.prev()).build();
  }

  /** Walks the lines and names the first broken one; hand-written lines (no seq, no prev) pass as they are. */
  static LedgerVerification verify(List<RawLine> raw, String label) {
    LedgerVerification.Builder result = LedgerVerification.builder().file(label);
    int records = 0;
    int chained = 0;
    long ordinal = 0;
    RawLine previous = null;
    for (RawLine line : raw) {
      ordinal++;
      Either<Problem, LedgerCodec.Decoded> decoded = LedgerCodec.decode(line.text(), label, line.number());
      if (decoded.isLeft()) {
        if (line.torn()) {
          result.addProblem(torn(line, label));
          break;
        }
        return result.records(records).chained(chained).firstBrokenLine(line.number())
            .addProblem(decoded.getLeft()).build();
      }
      records++;
      LedgerCodec.Decoded d = decoded.get();
      if (d.seq().isPresent() || d.prev().isPresent()) {
        chained++;
        Optional<Problem> broken = checkLink(label, line, d, ordinal, previous);
        if (broken.isPresent()) {
          int at = broken.get().location().map(SourceLocation::line).orElse(line.number());
          return result.records(records).chained(chained).firstBrokenLine(at).addProblem(broken.get()).build();
        }
      }
      previous = line;
    }
    return result.records(records).chained(chained).build();
  }

  private static Optional<Problem> checkLink(String label, RawLine line, LedgerCodec.Decoded d, long ordinal,
      RawLine previous) {
    int number = line.number();
    if (d.seq().isEmpty()) {
      return Optional.of(chainProblem(label, number,
          "line " + number + " has `prev` but no `seq`", "restore the line as the tool wrote it"));
    }
    long seq = d.seq().getAsLong();
    if (seq != ordinal) {
      String why = seq > ordinal
          ? "a line before it was removed or moved below it"
          : "a line was inserted before it or it was moved down";
      return Optional.of(chainProblem(label, number,
          "line " + number + " is record " + ordinal + " of " + label + " but says `seq` " + seq + ": " + why,
          "restore the ledger from a copy; `seq` counts the ledger's records from 1"));
    }
    if (previous == null) {
      if (d.prev().isPresent()) {
        return Optional.of(chainProblem(label, number,
            "line " + number + " is the first record but has `prev`: the lines before it were removed",
            "restore the ledger from a copy"));
      }
      return Optional.empty();
    }
    if (d.prev().isEmpty()) {
      return Optional.of(chainProblem(label, number,
          "line " + number + " has `seq` but no `prev`", "restore the line as the tool wrote it"));
    }
    if (!d.prev().get().equals(ContentDigest.sha256(previous.text()))) {
      return Optional.of(chainProblem(label, previous.number(),
          "line " + previous.number() + " was changed after line " + number
              + " was written: its SHA-256 no longer matches the `prev` of line " + number,
          "restore line " + previous.number() + " from a copy, or record a correction as a new record"));
    }
    return Optional.empty();
  }

  static Problem chainProblem(String label, int line, String message, String fix) {
    return Problem.builder().rule(LedgerFile.RULE_CHAIN).severity(Severity.ERROR).message(message)
        .location(SourceLocation.of(label, line, 0)).fix(fix).build();
  }

  static Problem torn(RawLine line, String label) {
    return Problem.builder().rule(LedgerFile.RULE_TORN).severity(Severity.WARNING)
        .message("the last line (" + line.number() + ") is incomplete, as a writer that crashed mid-append leaves it;"
            + " it was ignored and every record before it kept")
        .location(SourceLocation.of(label, line.number(), 0))
        .fix("nothing: the next append removes it")
        .build();
  }

  /**
   * The lines of {@code text} that already carry the id of one of {@code entries} as an
   * {@code "id":"…"} field the tool wrote, by id; found by a byte search, without parsing the ledger.
   * {@code firstLine} is the number of the text's first line.
   */
  static Map<String, LedgerLine> existing(byte[] text, Collection<LedgerEntry> entries, String label,
      int firstLine) {
    Set<String> wanted = new HashSet<>();
    entries.forEach(e -> wanted.add(e.id()));
    Map<String, LedgerLine> found = new HashMap<>();
    byte[] key = "\"id\":\"".getBytes(StandardCharsets.UTF_8);
    int number = firstLine;
    int lineStart = 0;
    for (int i = 0; i < text.length && found.size() < wanted.size(); i++) {
      byte b = text[i];
      if (b == '\n') {
        number++;
        lineStart = i + 1;
        continue;
      }
      if (b != '"' || i == 0 || (text[i - 1] != ',' && text[i - 1] != '{') || !startsWith(text, i, key)) {
        continue;
      }
      int start = i + key.length;
      int end = start;
      while (end < text.length && text[end] != '"' && text[end] != '\n') {
        end++;
      }
      String id = new String(text, start, end - start, StandardCharsets.UTF_8);
      if (!wanted.contains(id) || found.containsKey(id)) {
        continue;
      }
      int lineEnd = end;
      while (lineEnd < text.length && text[lineEnd] != '\n') {
        lineEnd++;
      }
      RawLine raw = new RawLine(number, text(text, lineStart, lineEnd), false);
      Either<Problem, LedgerCodec.Decoded> decoded = LedgerCodec.decode(raw.text(), label, number);
      if (decoded.isRight() && decoded.get().id().equals(id)) {
        found.put(id, line(raw, decoded.get()));
      }
    }
    return found;
  }

  private static boolean startsWith(byte[] text, int at, byte[] prefix) {
    if (at + prefix.length > text.length) {
      return false;
    }
    for (int j = 0; j < prefix.length; j++) {
      if (text[at + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  /** The entries not yet in {@code existing}, each id once. */
  static List<LedgerEntry> fresh(List<LedgerEntry> entries, Map<String, LedgerLine> existing) {
    Set<String> seen = new HashSet<>(existing.keySet());
    List<LedgerEntry> fresh = new ArrayList<>();
    for (LedgerEntry entry : entries) {
      if (seen.add(entry.id())) {
        fresh.add(entry);
      }
    }
    return fresh;
  }

  /** One line per entry, in order: the one already stored or the one just written. */
  static List<LedgerLine> answer(List<LedgerEntry> entries, Map<String, LedgerLine> existing,
      List<LedgerLine> written) {
    Map<String, LedgerLine> byId = new HashMap<>(existing);
    written.forEach(l -> byId.put(l.id(), l));
    return entries.stream().map(e -> byId.get(e.id())).toList();
  }

  /**
   * The lines for {@code entries}, chained after {@code previousText} (absent: the ledger is empty)
   * from {@code seq}: each carries the record's fields, then {@code id}, {@code writer} when given,
   * {@code seq} and {@code prev}. Line numbers are left at 0 for the store to fill in.
   */
  static List<LedgerLine> chain(List<LedgerEntry> entries, Optional<String> previousText, long seq,
      Optional<String> writer) {
    List<LedgerLine> lines = new ArrayList<>(entries.size());
    Optional<String> previous = previousText;
    long next = seq;
    for (LedgerEntry entry : entries) {
      ObjectNode node = LedgerCodec.toNode(entry.record());
      node.put("id", entry.id());
      writer.ifPresent(w -> node.put("writer", w));
      node.put("seq", next);
      Optional<String> prev = previous.map(ContentDigest::sha256);
      prev.ifPresent(p -> node.put("prev", p));
      String text = LedgerCodec.write(node);
      lines.add(LedgerLine.builder().number(0).text(text).record(entry.record()).id(entry.id()).writer(writer)
          .seq(next).prev(prev).build());
      previous = Optional.of(text);
      next++;
    }
    return lines;
  }

  static OptionalLong seqOf(String text) {
    return LedgerCodec.decode(text, "<ledger>", 0).map(LedgerCodec.Decoded::seq).getOrElse(OptionalLong.empty());
  }
}
