package dev.converge.runner.ledger;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.model.ContentDigest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.FetchResult;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger in a git repository, under the ref {@code refs/converge/ledger} (never a branch, so no
 * checkout, merge or branch protection touches it). Location {@code git:DIR} keeps it in the
 * repository at DIR; {@code git:DIR#REMOTE} keeps it on REMOTE (a remote's name in DIR's config, or
 * any URL JGit can push to) and uses DIR as the local copy (created as a bare repository when
 * missing). A REMOTE on the file system (a path, a {@code file:} URL) is written in place.
 *
 * <p>Layout. The ref's commit holds the folder {@code ledger/} of segments {@code 0000000001.jsonl},
 * {@code 0000000002.jsonl}, … of {@value #SEGMENT} lines each (the last one partial). End to end they
 * are exactly the lines of a ledger file, so the chain, {@code verify} and copies mean what they
 * mean for a file. An append rewrites only the last segment; the others are shared by id, so a
 * commit adds one small blob and two trees, whatever the ledger's size. A read fetches once and
 * reads the tip's segments in order: one pass, no history walk.
 *
 * <p>Appends: one commit per batch, its parent the tip that was read, its committer this writer
 * (also written into each line as {@code writer}). The ref moves by compare-and-swap: a push that
 * names the expected old id (in place: a ref update with it, under the ref's lock file). When
 * another writer moved the ref first the push is rejected; the append then fetches again, drops the
 * entries whose ids are now present (its own earlier attempt may have landed though its reply was
 * lost), chains the rest to the new tip and tries again after a growing random pause. It gives up
 * after {@value #ATTEMPTS} attempts in a row during which the ledger did not move: a refusal because
 * another writer landed is progress, so a writer among many busy ones waits its turn rather than
 * failing, and a remote that refuses every push (no access, a stuck lock) still ends the append. The first attempt builds on the tip this store last saw, without a fetch.
 * Threads of one JVM take turns on a lock per repository; in-place writers of all processes also
 * queue on an OS file lock, {@code converge-ledger.lock}, so they rarely race at all.
 *
 * <p>A writer killed mid-append leaves at worst unreferenced objects (git writes objects before it
 * moves a ref, and moves refs by renaming a lock file) or, killed while holding the ref's lock, a
 * stale {@code .lock} file, which the next in-place writer removes once it is
 * {@value #STALE_LOCK_SECONDS} seconds old (it holds the queue lock, so no live writer owns it).
 */
public final class GitLedgerStore implements LedgerStore {

  /** The ref that holds the ledger. */
  public static final String REF = "refs/converge/ledger";
  static final int SEGMENT = 250;
  static final String FOLDER = "ledger";
  static final int ATTEMPTS = 64;
  static final int STALE_LOCK_SECONDS = 2;

  private static final Logger LOG = LoggerFactory.getLogger(GitLedgerStore.class);
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

  private final String location;
  /** The writer as the local copy's git configuration names it ({@code user.name}, {@code user.email}). */
  private final String writerName;
  private final String writerEmail;
  /**
   * Whether a remote on the file system is pushed to through JGit's transport like any other,
   * rather than written in place; for the tests of the push path.
   */
  static boolean pushToLocalRemotes = false;
  private final Optional<String> remote;
  private final Repository repository;
  private final String tracking;
  /** For tests of interleavings: run once before the ref moves, and after it moved. */
  Runnable beforeMove = () -> {};
  Runnable afterMove = () -> {};
  /** How many attempts the last append took. */
  int attempts;
  /**
   * Full segments already read, by blob id: a blob's content never changes, and a full segment is
   * never rewritten, so an append reads only the last segment's new blob.
   */
  private final Map<ObjectId, byte[]> full = new ConcurrentHashMap<>();
  /** The remote tip this store last saw (null: fetch first). */
  private ObjectId known;

  private GitLedgerStore(Optional<String> remote, Repository repository, String location,
      PersonIdent writer) {
    this.writerName = writer.getName();
    this.writerEmail = writer.getEmailAddress();
    this.remote = remote;
    this.location = location;
    this.repository = repository;
    this.tracking = "refs/converge-remotes/" + remote.map(r -> ContentDigest.sha256(r)
        .substring(0, 12)).orElse("local");
  }

  /**
   * The ledger of the repository at {@code dir} (a working tree with {@code .git}, or a bare
   * repository; created bare when {@code dir} is missing or empty), kept on {@code remote} when given.
   */
  public static GitLedgerStore open(Path dir, Optional<String> remote) {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(remote, "remote");
    Path folder = dir.toAbsolutePath().normalize();
    try {
      Path gitDir;
      if (Files.isDirectory(folder.resolve(".git"))) {
        gitDir = folder.resolve(".git");
      } else if (Files.isRegularFile(folder.resolve("HEAD")) && Files.isDirectory(folder.resolve("objects"))) {
        gitDir = folder;
      } else if (!Files.exists(folder) || isEmptyDirectory(folder)) {
        Files.createDirectories(folder);
        try (Repository created = new FileRepositoryBuilder().setGitDir(folder.toFile()).setBare().build()) {
          created.create(true);
        } catch (IllegalStateException alreadyMade) {
          // another process made it first
        }
        gitDir = folder;
      } else {
        throw new ConvergeException(List.of(problem(folder.toString(), "ledger-git",
            folder + " is neither a git repository nor an empty folder",
            "point git:DIR at a git repository, or at a new folder for a local copy of the remote")));
      }
      String location = "git:" + folder + remote.map(r -> "#" + LedgerLocation.withoutPassword(r)).orElse("");
      Repository repository = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
      Optional<Path> inPlace = pushToLocalRemotes ? Optional.empty() : remote.flatMap(r -> localRemote(repository, r));
      if (inPlace.isPresent()) {
        // A remote on the file system is written in place, as git's own local transport does:
        // objects first, then the ref by compare-and-swap under its lock file.
        PersonIdent writer = new PersonIdent(repository);
        repository.close();
        Repository target = new FileRepositoryBuilder().setGitDir(inPlace.get().toFile()).setMustExist(true).build();
        return new GitLedgerStore(Optional.empty(), target, location, writer);
      }
      return new GitLedgerStore(remote, repository, location, new PersonIdent(repository));
    } catch (IOException e) {
      throw new ConvergeException(List.of(problem(folder.toString(), LedgerFile.RULE_IO,
          "cannot open the git repository " + folder + ": " + e.getMessage(),
          "check that the folder exists and is a git repository")));
    }
  }

  private static boolean isEmptyDirectory(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  @Override
  public String location() {
    return location;
  }

  @Override
  public LedgerContents read() {
    Snapshot snapshot = snapshot(tip());
    return LedgerText.parse(LedgerText.split(snapshot.bytes), location());
  }

  @Override
  public LedgerVerification verify() {
    return LedgerText.verify(LedgerText.split(snapshot(tip()).bytes), location());
  }

  @Override
  public List<LedgerLine> appendEntries(List<LedgerEntry> entries) {
    entries.forEach(e -> Objects.requireNonNull(e, "ledger entry"));
    if (entries.isEmpty()) {
      return List.of();
    }
    return retrying(true, snapshot -> {
      Map<String, LedgerLine> existing = LedgerText.existing(snapshot.bytes, entries, location(), 1);
      List<LedgerEntry> fresh = LedgerText.fresh(entries, existing);
      if (fresh.isEmpty()) {
        return new Attempt(null, LedgerText.answer(entries, existing, List.of()));
      }
      OptionalLong lastSeq = snapshot.lastLine.map(LedgerText::seqOf).orElse(OptionalLong.empty());
      long seq = lastSeq.isPresent() ? lastSeq.getAsLong() + 1 : snapshot.records + 1;
      PersonIdent writer = new PersonIdent(writerName, writerEmail);
      List<LedgerLine> chained = LedgerText.chain(fresh, snapshot.lastLine, seq,
          Optional.of(writer.getName() + " <" + writer.getEmailAddress() + ">"));
      List<LedgerLine> written = new ArrayList<>(chained.size());
      for (int i = 0; i < chained.size(); i++) {
        written.add(chained.get(i).withNumber((int) snapshot.records + 1 + i));
      }
      ObjectId commit = commit(snapshot, written.stream().map(LedgerLine::text).toList(), writer);
      return new Attempt(commit, LedgerText.answer(entries, existing, written));
    });
  }

  @Override
  public void appendExact(int after, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    retrying(false, snapshot -> {
      if (snapshot.records != after) {
        throw new ConvergeException(List.of(LedgerText.chainProblem(location(), 0,
            "the ledger holds " + snapshot.records + " records, not " + after + ": another writer appended meanwhile",
            "copy again")));
      }
      return new Attempt(commit(snapshot, lines, new PersonIdent(writerName, writerEmail)), List.of());
    });
  }

  /** What one attempt built: the commit to move the ref to (none: nothing to write) and the answer. */
  private record Attempt(ObjectId commit, List<LedgerLine> lines) {}

  private interface Builder {
    Attempt build(Snapshot snapshot) throws IOException;
  }

  private List<LedgerLine> retrying(boolean optimistic, Builder builder) {
    ReentrantLock local = LOCKS.computeIfAbsent(repository.getDirectory().toPath(), p -> new ReentrantLock());
    local.lock();
    // Writers through the file system queue on an OS lock instead of racing (the lock dies with its
    // process); the compare-and-swap stays the guarantee, for writers that do not take it.
    FileChannel queue = null;
    FileLock turn = null;
    try {
      if (remote.isEmpty()) {
        queue = FileChannel.open(repository.getDirectory().toPath().resolve("converge-ledger.lock"),
            StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        turn = queue.lock();
      }
    } catch (IOException e) {
      LOG.debug("{}: no queue lock ({}); racing on the compare-and-swap alone", location(), e.toString());
    }
    try {
      String last = "";
      int stalled = 0;
      ObjectId previous = null;
      for (int attempt = 1; stalled < ATTEMPTS; attempt++) {
        stalled++;
        try {
          // Optimistic first attempt: the tip this store last saw (its own last push, or a read),
          // without a fetch; the compare-and-swap refuses it if another writer moved the ref since.
          ObjectId base = optimistic && attempt == 1 && known != null && remote.isPresent() ? known : tip();
          if (attempt > 1 && base != null && !base.equals(previous)) {
            stalled = 1; // another writer landed since the last attempt: contention, not failure
          }
          previous = base;
          Snapshot snapshot = snapshot(base);
          Attempt built = builder.build(snapshot);
          if (built.commit == null) {
            return built.lines; // every id stands in the ledger already (a ledger only grows)
          }
          attempts = attempt;
          beforeMove.run();
          Optional<String> refused = moveRef(snapshot.tip, built.commit);
          if (refused.isEmpty()) {
            known = built.commit;
            afterMove.run();
            return built.lines;
          }
          last = refused.get();
        } catch (IOException | FetchFailure e) {
          last = e.getMessage();
        }
        LOG.debug("{}: attempt {} to append was refused ({}); reading again", location(), attempt, last);
        if (turn != null) {
          breakStaleLock();
        }
        pause(Math.min(attempt, ATTEMPTS));
      }
      throw new ConvergeException(List.of(problem(location(), "ledger-contention",
          "gave up appending to " + location() + " after " + ATTEMPTS + " attempts in a row while the ledger did not"
              + " move; the last was refused: " + last,
          "append again (ids make that safe); if it keeps failing, check access to the remote")));
    } finally {
      release(turn, queue);
      local.unlock();
    }
  }

  private static void release(FileLock turn, FileChannel queue) {
    try {
      if (turn != null) {
        turn.release();
      }
      if (queue != null) {
        queue.close();
      }
    } catch (IOException e) {
      LOG.debug("cannot release the queue lock: {}", e.toString());
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 1 + Math.min(200, 5L * attempt)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConvergeException(List.of(problem("<git>", "ledger-contention", "interrupted while appending",
          "append again")));
    }
  }

  /** Moves the ledger's ref from {@code expected} to {@code commit}; empty when it moved, else why not. */
  private Optional<String> moveRef(ObjectId expected, ObjectId commit) throws IOException {
    ObjectId old = expected == null ? ObjectId.zeroId() : expected;
    if (remote.isEmpty()) {
      RefUpdate update = repository.updateRef(REF);
      update.setNewObjectId(commit);
      update.setExpectedOldObjectId(old);
      update.setRefLogMessage("converge ledger append", false);
      RefUpdate.Result result = update.update();
      return switch (result) {
        case NEW, FAST_FORWARD, FORCED -> Optional.empty();
        default -> Optional.of("ref update " + result);
      };
    }
    try (Transport transport = Transport.open(repository, remote.get())) {
      RemoteRefUpdate update = new RemoteRefUpdate(repository, null, commit, REF, false, null, old);
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      RemoteRefUpdate done = result.getRemoteUpdate(REF);
      return switch (done.getStatus()) {
        case OK -> Optional.empty();
        default -> Optional.of("push " + done.getStatus() + (done.getMessage() == null ? "" : ": " + done.getMessage()));
      };
    } catch (TransportException e) {
      return Optional.of("push failed: " + e.getMessage());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("remote (" + remote.get() + ") is neither a remote's name nor a URL", e);
    }
  }

  /** The ledger's tip: fetched from the remote when there is one, else the local ref; null when empty. */
  private ObjectId tip() {
    if (remote.isEmpty()) {
      try {
        Ref ref = repository.exactRef(REF);
        return ref == null ? null : ref.getObjectId();
      } catch (IOException e) {
        throw ioFailure("cannot read " + REF, e);
      }
    }
    try (Transport transport = Transport.open(repository, remote.get())) {
      FetchResult result = transport.fetch(NullProgressMonitor.INSTANCE,
          List.of(new RefSpec("+refs/converge/*:" + tracking + "/*")));
      Ref ref = result.getAdvertisedRef(REF);
      known = ref == null ? null : ref.getObjectId();
      return known;
    } catch (TransportException e) {
      throw new FetchFailure("cannot fetch " + REF + " from " + LedgerLocation.withoutPassword(remote.get())
          + ": " + e.getMessage(), e);
    } catch (NotSupportedException e) {
      throw new IllegalArgumentException("remote (" + LedgerLocation.withoutPassword(remote.get())
          + ") uses a transport JGit does not support", e);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("remote (" + remote.get() + ") is neither a remote's name nor a URL", e);
    }
  }

  /** The ledger at one commit: its segments, their text end to end, the last line and the count. */
  private record Snapshot(ObjectId tip, List<Segment> segments, byte[] bytes, Optional<String> lastLine, long records) {}

  private record Segment(String name, ObjectId blob, byte[] bytes, int lines) {}

  private Snapshot snapshot(ObjectId tip) {
    if (tip == null) {
      return new Snapshot(null, List.of(), new byte[0], Optional.empty(), 0);
    }
    try (ObjectReader reader = repository.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
      RevCommit commit = walk.parseCommit(tip);
      List<Segment> segments = new ArrayList<>();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      try (TreeWalk tree = TreeWalk.forPath(reader, FOLDER, commit.getTree())) {
        if (tree != null) {
          try (TreeWalk files = new TreeWalk(reader)) {
            files.addTree(tree.getObjectId(0));
            while (files.next()) {
              ObjectId blob = files.getObjectId(0);
              byte[] bytes = full.get(blob);
              if (bytes == null) {
                bytes = reader.open(blob, Constants.OBJ_BLOB).getBytes(Integer.MAX_VALUE);
                if (count(bytes) == SEGMENT) {
                  full.put(blob.copy(), bytes);
                }
              }
              segments.add(new Segment(files.getNameString(), blob.copy(), bytes, count(bytes)));
              all.write(bytes);
            }
          }
        }
      }
      byte[] bytes = all.toByteArray();
      long records = segments.stream().mapToLong(Segment::lines).sum();
      return new Snapshot(tip, segments, bytes, lastLine(bytes), records);
    } catch (IOException e) {
      throw ioFailure("cannot read the ledger at " + tip.name(), e);
    }
  }

  private static int count(byte[] bytes) {
    int lines = 0;
    for (byte b : bytes) {
      if (b == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static Optional<String> lastLine(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.empty();
    }
    int end = bytes.length - 1;
    int start = end;
    while (start > 0 && bytes[start - 1] != '\n') {
      start--;
    }
    return Optional.of(LedgerText.text(bytes, start, end));
  }

  /** A commit of the snapshot with {@code lines} added: the last segment filled, then new ones. */
  private ObjectId commit(Snapshot snapshot, List<String> lines, PersonIdent writer) throws IOException {
    try (ObjectInserter inserter = repository.newObjectInserter()) {
      List<Segment> segments = new ArrayList<>(snapshot.segments);
      ByteArrayOutputStream current = new ByteArrayOutputStream();
      int currentLines = 0;
      int index = segments.size();
      if (!segments.isEmpty() && segments.get(segments.size() - 1).lines < SEGMENT) {
        Segment last = segments.remove(segments.size() - 1);
        current.write(last.bytes);
        currentLines = last.lines;
      } else {
        index++;
      }
      for (String line : lines) {
        if (currentLines == SEGMENT) {
          segments.add(segment(inserter, index, current.toByteArray(), currentLines));
          current.reset();
          currentLines = 0;
          index++;
        }
        current.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        currentLines++;
      }
      segments.add(segment(inserter, index, current.toByteArray(), currentLines));
      TreeFormatter folder = new TreeFormatter();
      for (Segment segment : segments) {
        folder.append(segment.name, FileMode.REGULAR_FILE, segment.blob);
      }
      TreeFormatter root = new TreeFormatter();
      root.append(FOLDER, FileMode.TREE, inserter.insert(folder));
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(root));
      if (snapshot.tip != null) {
        commit.setParentId(snapshot.tip);
      }
      commit.setAuthor(writer);
      commit.setCommitter(writer);
      commit.setMessage("converge ledger: records " + (snapshot.records + 1) + "-" + (snapshot.records + lines.size()) + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  private static Segment segment(ObjectInserter inserter, int index, byte[] bytes, int lines) throws IOException {
    return new Segment(String.format("%010d.jsonl", index), inserter.insert(Constants.OBJ_BLOB, bytes), bytes, lines);
  }

  /**
   * Removes a ref lock a killed writer left behind. Called only while holding the queue lock, which
   * every in-place writer takes before it touches the ref: a ref lock older than
   * {@value #STALE_LOCK_SECONDS} seconds then belongs to a writer that died holding it.
   */
  private void breakStaleLock() {
    Path lock = repository.getDirectory().toPath().resolve(REF + ".lock");
    try {
      if (Files.exists(lock) && Files.getLastModifiedTime(lock).toInstant()
          .isBefore(Instant.now().minus(Duration.ofSeconds(STALE_LOCK_SECONDS)))) {
        LOG.warn("{}: removing the stale lock {} a killed writer left", location(), lock);
        Files.deleteIfExists(lock);
      }
    } catch (IOException e) {
      LOG.debug("cannot check {}: {}", lock, e.toString());
    }
  }

  /** The git folder of a remote reached through the file system (a path, a {@code file:} URL, or a remote named so). */
  private static Optional<Path> localRemote(Repository repository, String remoteText) {
    try {
      String url = repository.getConfig().getString("remote", remoteText, "url");
      URIish uri = new URIish(url != null ? url : remoteText);
      if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
        Path path = Path.of(uri.getPath());
        Path gitDir = Files.isDirectory(path.resolve(".git")) ? path.resolve(".git") : path;
        return Files.isRegularFile(gitDir.resolve("HEAD")) ? Optional.of(gitDir) : Optional.empty();
      }
    } catch (URISyntaxException | RuntimeException e) {
      LOG.debug("remote {} is not a local path: {}", remoteText, e.toString());
    }
    return Optional.empty();
  }

  private ConvergeException ioFailure(String what, IOException e) {
    return new ConvergeException(List.of(problem(location(), LedgerFile.RULE_IO,
        what + " in " + location() + ": " + e.getClass().getSimpleName() + " " + e.getMessage(),
        "check that the repository is readable")));
  }

  private static Problem problem(String where, String rule, String message, String fix) {
    return Problem.builder().rule(rule).severity(Severity.ERROR).message(message)
        .location(SourceLocation.ofFile(where)).fix(fix).build();
  }

  /** A fetch that failed; an append retries it, a read reports it. */
  private static final class FetchFailure extends ConvergeException {
    private static final long serialVersionUID = 1L;

    FetchFailure(String message, TransportException cause) {
      super(List.of(problem("<git>", LedgerFile.RULE_IO, message, "check the remote's URL and access")));
      initCause(cause);
    }
  }

  @Override
  public void close() {
    repository.close();
  }

  @Override
  public String toString() {
    return "GitLedgerStore[" + location() + "]";
  }
}
