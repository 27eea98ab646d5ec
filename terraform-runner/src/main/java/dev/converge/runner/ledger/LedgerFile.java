package dev.converge.runner.ledger;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.ledger.Ledger;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger as a JSON Lines file ({@code spec/FORMATS.md}), the first of the {@link LedgerStore}s:
 * read it, append to it, verify its chain.
 *
 * <p>How appends stay safe. Every append takes an exclusive lock: first a lock per file inside this
 * JVM (the operating system's lock belongs to the process, so two threads would otherwise share
 * it, and {@link FileChannel#lock()} refuses a second lock from the same JVM), then
 * {@link FileChannel#lock()} against other processes. Under the lock it reads the file to
 * look up the batch's ids (a record whose id the file holds is not written again) and find the last
 * record, writes the new lines with {@code id}, {@code seq} (the record's 1-based position among
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
public final class LedgerFile implements LedgerStore {

  static final String RULE_TORN = "ledger-torn-line";
  static final String RULE_CHAIN = "ledger-chain";
  static final String RULE_IO = "ledger-io";

  private static final Logger LOG = LoggerFactory.getLogger(LedgerFile.class);
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

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

  @Override
  public String location() {
    return path.toString();
  }

  /**
   * Reads every complete record. A missing file reads as empty. Lines that are not records become
   * error problems naming file, line and column; a torn last line becomes a warning.
   *
   * @throws ConvergeException when the file exists but cannot be read
   */
  @Override
  public LedgerContents read() {
    return parse(bytes());
  }

  private byte[] bytes() {
    try {
      return Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return new byte[0];
    } catch (IOException e) {
      throw new ConvergeException(List.of(ioProblem("cannot read the ledger", e)));
    }
  }

  /**
   * The records as a core {@link Ledger}. Warnings (a torn last line) are dropped: use
   * {@link #read()} to see them.
   *
   * @throws ConvergeException when a line is not a record, or the file cannot be read
   */
  @Override
  public Ledger load() {
    return LedgerStore.super.load();
  }

  /**
   * Appends {@code entries} atomically and durably, chained to the file's last line, skipping those
   * whose id the file holds. Safe against concurrent writers in this and other processes.
   *
   * @throws ConvergeException with a {@code ledger-io} problem when the file cannot be written;
   *     nothing of this batch is then promised to be on disk
   */
  @Override
  public List<LedgerLine> appendEntries(List<LedgerEntry> entries) {
    entries.forEach(e -> Objects.requireNonNull(e, "ledger entry"));
    if (entries.isEmpty()) {
      return List.of();
    }
    return locked(channel -> appendLocked(channel, entries));
  }

  @Override
  public void appendExact(int after, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    locked(channel -> {
      byte[] bytes = readAll(channel);
      List<LedgerText.RawLine> raw = LedgerText.split(bytes);
      if (!raw.isEmpty() && raw.get(raw.size() - 1).torn()) {
        throw new ConvergeException(List.of(LedgerText.chainProblem(location(), raw.get(raw.size() - 1).number(),
            "the ledger ends in a torn line", "append one record to cut it off, then copy again")));
      }
      if (raw.size() != after) {
        throw new ConvergeException(List.of(LedgerText.chainProblem(location(), 0,
            "the ledger holds " + raw.size() + " records, not " + after + ": another writer appended meanwhile",
            "copy again")));
      }
      StringBuilder out = new StringBuilder();
      lines.forEach(l -> out.append(l).append('\n'));
      write(channel, out.toString(), bytes.length);
      return List.of();
    });
    }

  private interface LockedWork {
    List<LedgerLine> run(FileChannel channel) throws IOException;
  }

  private List<LedgerLine> locked(LockedWork work) {
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
          List<LedgerLine> written = work.run(channel);
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
  @Override
  public LedgerVerification verify() {
    return LedgerText.verify(LedgerText.split(bytes()), path.toString());
  }

  LedgerContents parse(byte[] bytes) {
    return LedgerText.parse(LedgerText.split(bytes), path.toString());
  }

  private Problem ioProblem(String what, IOException e) {
    return Problem.builder().rule(RULE_IO).severity(Severity.ERROR)
        .message(what + " " + path + ": " + e.getClass().getSimpleName() + " " + e.getMessage())
        .location(SourceLocation.ofFile(path.toString()))
        .fix("check that the file and its folder exist and are readable and writable")
        .build();
  }

  private static byte[] readAll(FileChannel channel) throws IOException {
    long size = channel.size();
    if (size > Integer.MAX_VALUE - 16) {
      throw new IOException("the ledger is larger than 2 GB");
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
      // read fully
    }
    return buffer.array();
  }

  private static void write(FileChannel channel, String text, long at) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    long position = at;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
  }

  /**
   * Under the lock: reads the whole file (the ids of the batch are looked up in it, so a retried
   * append writes nothing twice), deals with a torn last line, and writes the new lines in one write.
   */
  private List<LedgerLine> appendLocked(FileChannel channel, List<LedgerEntry> entries) throws IOException {
    byte[] bytes = readAll(channel);
    Map<String, LedgerLine> existing = LedgerText.existing(bytes, entries, location(), 1);
    List<LedgerEntry> fresh = LedgerText.fresh(entries, existing);
    if (fresh.isEmpty()) {
      return LedgerText.answer(entries, existing, List.of());
    }
    List<LedgerText.RawLine> raw = new ArrayList<>(LedgerText.split(bytes));
    long position = bytes.length;
    String prefix = "";
    if (!raw.isEmpty() && raw.get(raw.size() - 1).torn()) {
      LedgerText.RawLine torn = raw.get(raw.size() - 1);
      if (LedgerCodec.decode(torn.text(), location(), torn.number()).isRight()) {
        prefix = "\n";
      } else {
        LOG.warn("{}: cutting off a torn last line left by a crashed writer: {}", path, torn.text());
        int start = bytes.length;
        while (start > 0 && bytes[start - 1] != '\n') {
          start--;
        }
        channel.truncate(start);
        position = start;
        raw.remove(raw.size() - 1);
      }
    }
    Optional<String> previousText = raw.isEmpty() ? Optional.empty() : Optional.of(raw.get(raw.size() - 1).text());
    OptionalLong previousSeq = previousText.map(LedgerText::seqOf).orElse(OptionalLong.empty());
    long seq = previousSeq.isPresent() ? previousSeq.getAsLong() + 1 : raw.size() + 1;
    List<LedgerLine> chained = LedgerText.chain(fresh, previousText, seq, Optional.empty());
    StringBuilder out = new StringBuilder(prefix);
    chained.forEach(l -> out.append(l.text()).append('\n'));
    write(channel, out.toString(), position);
    int newlines = prefix.length();
    for (int i = 0; i < position; i++) {
      if (bytes[i] == '\n') {
        newlines++;
      }
    }
    List<LedgerLine> written = new ArrayList<>(chained.size());
    for (int i = 0; i < chained.size(); i++) {
      written.add(chained.get(i).withNumber(newlines + 1 + i));
    }
    return LedgerText.answer(entries, existing, written);
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
