package dev.converge.runner.ledger;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.ContentDigest;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as a JSON Lines file ({@code spec/FORMATS.md}): read it, append to it, verify its chain.
 *
 * <p>How appends stay safe. Every append takes an exclusive lock: first a lock per file inside this
 * JVM (the operating system's lock belongs to the process, so two threads would otherwise share
 * it, and {@link FileChannel#lock()} refuses a second lock from the same JVM), then
 * {@link FileChannel#lock()} against other processes. Under the lock it reads the file's tail to
 * find the last record, writes the new lines with {@code seq} (the record's 1-based position among
 * the file's non-blank lines) and {@code prev} (the SHA-256 of the previous line's text), in one
 * write, and forces them to disk before the lock is released. A writer that dies mid-write leaves
 * at most one unterminated last line: readers report it as torn and keep every record before it;
 * the next append cuts it off (or, when it is a whole record that only lacks its line break, ends
 * it) before writing.
 *
 * <p>Why the chain. {@code prev} binds each line to the exact text of the one before, and
 * {@code seq} to its position, so {@link #verify()} sees an edited line (the next line's
 * {@code prev} no longer matches), a removed or inserted line (a {@code seq} out of step) and a
 * reordering (both). Hand-written lines carry neither field and load as they are; a tool-written
 * line after them still chains to their text.
 */
public final class LedgerFile {

  static final String RULE_TORN = "ledger-torn-line";
  static final String RULE_CHAIN = "ledger-chain";
  static final String RULE_IO = "ledger-io";

  private static final Logger LOG = LoggerFactory.getLogger(LedgerFile.class);
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
  private static final int TAIL_CHUNK = 16 * 1024;

  private final Path path;

  private LedgerFile(Path path) {
    this.path = path;
  }

  /** The ledger file at {@code path}; it need not exist yet (the first append creates it). */
  public static LedgerFile at(Path path) {
    Objects.requireNonNull(path, "path");
    return new LedgerFile(path.toAbsolutePath().normalize());
  }

  public Path path() {
    return path;
  }

  /**
   * Reads every complete record. A missing file reads as empty. Lines that are not records become
   * error problems naming file, line and column; a torn last line becomes a warning.
   *
   * @throws ConvergeException when the file exists but cannot be read
   */
  public LedgerContents read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      bytes = new byte[0];
    } catch (IOException e) {
      throw new ConvergeException(List.of(ioProblem("cannot read the ledger", e)));
    }
    return parse(bytes);
  }

  /**
   * The records as a core {@link Ledger}. Warnings (a torn last line) are dropped: use
   * {@link #read()} to see them.
   *
   * @throws ConvergeException when a line is not a record, or the file cannot be read
   */
  public Ledger load() {
    LedgerContents contents = read();
    if (contents.hasErrors()) {
      throw new ConvergeException(contents.problems().stream().filter(Problem::isError).toList());
    }
    return contents.ledger();
  }

  /** Appends one record; see {@link #append(List)}. */
  public LedgerLine append(LedgerRecord record) {
    return append(List.of(record)).get(0);
  }

  /**
   * Appends {@code records} atomically and durably, chained to the file's last line, and returns
   * the lines written. Safe against concurrent writers in this and other processes.
   *
   * @throws ConvergeException with a {@code ledger-io} problem when the file cannot be written;
   *     nothing of this batch is then promised to be on disk
   */
  public List<LedgerLine> append(List<? extends LedgerRecord> records) {
    records.forEach(r -> Objects.requireNonNull(r, "ledger record"));
    if (records.isEmpty()) {
      return List.of();
    }
    Path parent = path.getParent();
    ReentrantLock local;
    try {
      if (parent != null) {
        Files.createDirectories(parent);
      }
      local = LOCKS.computeIfAbsent(lockKey(), p -> new ReentrantLock());
    } catch (IOException e) {
      throw new ConvergeException(List.of(ioProblem("cannot append to the ledger", e)));
    }
    local.lock();
    try {
      boolean created = !Files.exists(path);
      try (FileChannel channel = FileChannel.open(path,
              StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock lock = channel.lock();
        try {
          List<LedgerLine> written = appendLocked(channel, records);
          channel.force(true);
          if (created && parent != null) {
            forceDirectory(parent);
          }
          return written;
        } finally {
          lock.release();
        }
      }
    } catch (IOException e) {
      throw new ConvergeException(List.of(ioProblem("cannot append to the ledger", e)));
    } finally {
      local.unlock();
    }
  }

  /** One key per file whatever path names it: the real folder (symbolic links resolved) and the name. */
  private Path lockKey() throws IOException {
    Path parent = path.getParent();
    return parent == null ? path : parent.toRealPath().resolve(path.getFileName());
  }

  /**
   * Checks the hash chain and names the first broken line. Hand-written lines (no {@code seq},
   * no {@code prev}) are accepted as they are.
   *
   * @throws ConvergeException when the file cannot be read
   */
  public LedgerVerification verify() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      bytes = new byte[0];
    } catch (IOException e) {
      throw new ConvergeException(List.of(ioProblem("cannot read the ledger", e)));
    }
    List<RawLine> raw = split(bytes);
    LedgerVerification.Builder result = LedgerVerification.builder().file(path.toString());
    int records = 0;
    int chained = 0;
    long ordinal = 0;
    RawLine previous = null;
    for (RawLine line : raw) {
      ordinal++;
      Either<Problem, LedgerCodec.Decoded> decoded = LedgerCodec.decode(line.text, path.toString(), line.number);
      if (decoded.isLeft()) {
        if (line.torn) {
          result.addProblem(torn(line));
          break;
        }
        return result.records(records).chained(chained).firstBrokenLine(line.number)
            .addProblem(decoded.getLeft()).build();
      }
      records++;
      LedgerCodec.Decoded d = decoded.get();
      if (d.seq().isPresent() || d.prev().isPresent()) {
        chained++;
        Optional<Problem> broken = checkLink(line, d, ordinal, previous);
        if (broken.isPresent()) {
          int at = broken.get().location().map(SourceLocation::line).orElse(line.number);
          return result.records(records).chained(chained).firstBrokenLine(at).addProblem(broken.get()).build();
        }
      }
      previous = line;
    }
    return result.records(records).chained(chained).build();
  }

  private Optional<Problem> checkLink(RawLine line, LedgerCodec.Decoded d, long ordinal, RawLine previous) {
    String file = path.toString();
    if (d.seq().isEmpty()) {
      return Optional.of(chainProblem(line.number,
          "line " + line.number + " has `prev` but no `seq`", "restore the line as the tool wrote it"));
    }
    long seq = d.seq().getAsLong();
    if (seq != ordinal) {
      String why = seq > ordinal
          ? "a line before it was removed or moved below it"
          : "a line was inserted before it or it was moved down";
      return Optional.of(chainProblem(line.number,
          "line " + line.number + " is record " + ordinal + " of " + file + " but says `seq` " + seq + ": " + why,
          "restore the ledger from a copy; `seq` counts the file's records from 1"));
    }
    if (previous == null) {
      if (d.prev().isPresent()) {
        return Optional.of(chainProblem(line.number,
            "line " + line.number + " is the first record but has `prev`: the lines before it were removed",
            "restore the ledger from a copy"));
      }
      return Optional.empty();
    }
    if (d.prev().isEmpty()) {
      return Optional.of(chainProblem(line.number,
          "line " + line.number + " has `seq` but no `prev`", "restore the line as the tool wrote it"));
    }
    if (!d.prev().get().equals(ContentDigest.sha256(previous.text))) {
      return Optional.of(chainProblem(previous.number,
          "line " + previous.number + " was changed after line " + line.number
              + " was written: its SHA-256 no longer matches the `prev` of line " + line.number,
          "restore line " + previous.number + " from a copy, or record a correction as a new record"));
    }
    return Optional.empty();
  }

  private Problem chainProblem(int line, String message, String fix) {
    return Problem.builder().rule(RULE_CHAIN).severity(Severity.ERROR).message(message)
        .location(SourceLocation.of(path.toString(), line, 0)).fix(fix).build();
  }

  LedgerContents parse(byte[] bytes) {
    LedgerContents.Builder contents = LedgerContents.builder().file(path.toString());
    for (RawLine line : split(bytes)) {
      Either<Problem, LedgerCodec.Decoded> decoded = LedgerCodec.decode(line.text, path.toString(), line.number);
      if (decoded.isLeft()) {
        contents.addProblem(line.torn ? torn(line) : decoded.getLeft());
      } else {
        LedgerCodec.Decoded d = decoded.get();
        contents.addLine(LedgerLine.builder().number(line.number).text(line.text).record(d.record())
            .seq(d.seq()).prev(d.prev()).build());
      }
    }
    return contents.build();
  }

  private Problem torn(RawLine line) {
    return Problem.builder().rule(RULE_TORN).severity(Severity.WARNING)
        .message("the last line (" + line.number + ") is incomplete, as a writer that crashed mid-append leaves it;"
            + " it was ignored and every record before it kept")
        .location(SourceLocation.of(path.toString(), line.number, 0))
        .fix("nothing: the next append removes it")
        .build();
  }

  private Problem ioProblem(String what, IOException e) {
    return Problem.builder().rule(RULE_IO).severity(Severity.ERROR)
        .message(what + " " + path + ": " + e.getClass().getSimpleName() + " " + e.getMessage())
        .location(SourceLocation.ofFile(path.toString()))
        .fix("check that the file and its folder exist and are readable and writable")
        .build();
  }

  private List<LedgerLine> appendLocked(FileChannel channel, List<? extends LedgerRecord> records) throws IOException {
    long size = channel.size();
    Tail tail = readTail(channel, size);
    long position = size;
    StringBuilder out = new StringBuilder();
    String previousText = tail.lastLine;
    OptionalLong previousSeq = tail.lastSeq;
    if (tail.unterminated != null) {
      if (LedgerCodec.decode(tail.unterminated, path.toString(), 0).isRight()) {
        out.append('\n');
        previousText = tail.unterminated;
        previousSeq = LedgerCodec.decode(tail.unterminated, path.toString(), 0).get().seq();
      } else {
        LOG.warn("{}: cutting off a torn last line left by a crashed writer: {}", path, tail.unterminated);
        channel.truncate(tail.unterminatedStart);
        position = tail.unterminatedStart;
      }
    }
    long seq;
    if (previousText == null) {
      seq = 1;
    } else if (previousSeq.isPresent()) {
      seq = previousSeq.getAsLong() + 1;
    } else {
      seq = countRecords(channel, position) + 1;
    }
    int number = -1;
    List<LedgerLine> written = new ArrayList<>(records.size());
    for (LedgerRecord record : records) {
      ObjectNode node = LedgerCodec.toNode(record);
      node.put("seq", seq);
      if (previousText != null) {
        node.put("prev", ContentDigest.sha256(previousText));
      }
      String text = LedgerCodec.write(node);
      out.append(text).append('\n');
      LedgerLine.Builder line = LedgerLine.builder().number(number).text(text).record(record).seq(seq);
      if (previousText != null) {
        line.prev(ContentDigest.sha256(previousText));
      }
      written.add(line.build());
      previousText = text;
      seq++;
    }
    ByteBuffer buffer = ByteBuffer.wrap(out.toString().getBytes(StandardCharsets.UTF_8));
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    return withLineNumbers(channel, written);
  }

  private List<LedgerLine> withLineNumbers(FileChannel channel, List<LedgerLine> written) throws IOException {
    // Line numbers are those of the file (blank lines count); counted only for the returned values.
    long lines = countNewlines(channel, channel.size());
    List<LedgerLine> numbered = new ArrayList<>(written.size());
    long first = lines - written.size() + 1;
    for (int i = 0; i < written.size(); i++) {
      numbered.add(written.get(i).withNumber((int) (first + i)));
    }
    return numbered;
  }

  private static long countNewlines(FileChannel channel, long end) throws IOException {
    long count = 0;
    ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
    byte[] bytes = buffer.array();
    long position = 0;
    while (position < end) {
      buffer.clear();
      int n = channel.read(buffer, position);
      if (n <= 0) {
        break;
      }
      int limit = (int) Math.min(n, end - position);
      for (int i = 0; i < limit; i++) {
        if (bytes[i] == '\n') {
          count++;
        }
      }
      position += n;
    }
    return count;
  }

  private long countRecords(FileChannel channel, long end) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) end);
    channel.read(buffer, 0);
    return split(buffer.array()).size();
  }

  /** The last complete non-blank line, its seq, and any unterminated bytes after it. */
  private record Tail(String lastLine, OptionalLong lastSeq, String unterminated, long unterminatedStart) {}

  private Tail readTail(FileChannel channel, long size) throws IOException {
    if (size == 0) {
      return new Tail(null, OptionalLong.empty(), null, 0);
    }
    long chunk = Math.min(size, TAIL_CHUNK);
    while (true) {
      long start = size - chunk;
      ByteBuffer buffer = ByteBuffer.allocate((int) chunk);
      while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) > 0) {
        // read fully
      }
      byte[] bytes = buffer.array();
      int end = bytes.length;
      String unterminated = null;
      long unterminatedStart = size;
      int lastBreak = lastIndexOf(bytes, end - 1);
      if (lastBreak != end - 1) {
        if (lastBreak < 0 && start > 0) {
          chunk = Math.min(size, chunk * 2);
          continue;
        }
        unterminated = text(bytes, lastBreak + 1, end);
        unterminatedStart = start + lastBreak + 1;
        end = lastBreak + 1;
        if (unterminated.isBlank()) {
          unterminated = null;
        }
      }
      // Walk back over complete lines to the last non-blank one.
      int lineEnd = end - 1;
      while (lineEnd >= 0) {
        int lineStart = lastIndexOf(bytes, lineEnd - 1) + 1;
        if (lineStart == 0 && start > 0) {
          break;
        }
        String text = text(bytes, lineStart, lineEnd);
        if (!text.isBlank()) {
          OptionalLong seq = LedgerCodec.decode(text, path.toString(), 0)
              .map(LedgerCodec.Decoded::seq).getOrElse(OptionalLong.empty());
          return new Tail(text, seq, unterminated, unterminatedStart);
        }
        lineEnd = lineStart - 1;
      }
      if (start == 0) {
        return new Tail(null, OptionalLong.empty(), unterminated, unterminatedStart);
      }
      chunk = Math.min(size, chunk * 2);
    }
  }

  private static int lastIndexOf(byte[] bytes, int from) {
    for (int i = from; i >= 0; i--) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String text(byte[] bytes, int from, int to) {
    int end = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
    return new String(bytes, from, Math.max(0, end - from), StandardCharsets.UTF_8);
  }

  /** A non-blank line of the file; {@code torn} when it is the last and has no line break. */
  private record RawLine(int number, String text, boolean torn) {}

  private static List<RawLine> split(byte[] bytes) {
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

  private static void forceDirectory(Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.debug("cannot fsync directory {}: {}", directory, e.toString());
    }
  }

  @Override
  public String toString() {
    return "LedgerFile[" + path + "]";
  }
}
