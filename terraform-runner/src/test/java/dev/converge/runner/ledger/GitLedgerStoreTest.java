package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The git store against real repositories on disk: a bare remote reached by {@code file://}, local copies per writer. */
class GitLedgerStoreTest extends LedgerStoreContract {

  @TempDir
  Path dir;

  Path remote;

  @BeforeEach
  void bareRemote() throws Exception {
    remote = dir.resolve("remote.git");
    try (Repository bare = new FileRepositoryBuilder().setGitDir(remote.toFile()).setBare().build()) {
      bare.create(true);
    }
  }

  @Override
  String location() {
    return "git:" + dir.resolve("local") + "#" + remote.toUri();
  }

  @Override
  String anotherWriter(int n) {
    return "git:" + dir.resolve("local-" + n) + "#" + remote.toUri();
  }

  @Override
  void tamper(int record, UnaryOperator<String> edit) throws Exception {
    try (Repository bare = new FileRepositoryBuilder().setGitDir(remote.toFile()).build();
        ObjectReader reader = bare.newObjectReader();
        RevWalk walk = new RevWalk(reader);
        ObjectInserter inserter = bare.newObjectInserter()) {
      RevCommit tip = walk.parseCommit(bare.resolve(GitLedgerStore.REF));
      TreeFormatter folder = new TreeFormatter();
      int seen = 0;
      try (TreeWalk files = TreeWalk.forPath(reader, "ledger", tip.getTree());
          TreeWalk inside = new TreeWalk(reader)) {
        inside.addTree(files.getObjectId(0));
        while (inside.next()) {
          String text = new String(reader.open(inside.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
          String[] lines = text.split("\n");
          StringBuilder out = new StringBuilder();
          for (String line : lines) {
            seen++;
            out.append(seen == record ? edit.apply(line) : line).append('\n');
          }
          folder.append(inside.getNameString(), FileMode.REGULAR_FILE,
              inserter.insert(Constants.OBJ_BLOB, out.toString().getBytes(StandardCharsets.UTF_8)));
        }
      }
      TreeFormatter root = new TreeFormatter();
      root.append("ledger", FileMode.TREE, inserter.insert(folder));
      CommitBuilder commit = new CommitBuilder();
      commit.setTreeId(inserter.insert(root));
      commit.setParentId(tip);
      PersonIdent intruder = new PersonIdent("intruder", "intruder@example.com");
      commit.setAuthor(intruder);
      commit.setCommitter(intruder);
      commit.setMessage("edit");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = bare.updateRef(GitLedgerStore.REF);
      update.setNewObjectId(id);
      assertThat(update.update()).isEqualTo(RefUpdate.Result.FAST_FORWARD);
    }
  }

  @Test
  void append_keepsTheLedgerUnderItsRefAndNoBranch() throws Exception {
    store().append(deployments(0, 2));

    try (Repository bare = new FileRepositoryBuilder().setGitDir(remote.toFile()).build()) {
      assertThat(bare.getRefDatabase().getRefs()).extracting(r -> r.getName()).containsExactly(GitLedgerStore.REF);
      RevCommit tip = bare.parseCommit(bare.resolve(GitLedgerStore.REF));
      assertThat(tip.getParentCount()).isZero();
      assertThat(tip.getFullMessage()).startsWith("converge ledger: records 1-2");
    }
  }

  @Test
  void append_writerIsTheCommitter() throws Exception {
    Path local = dir.resolve("alice");
    try (Repository repo = new FileRepositoryBuilder().setGitDir(local.toFile()).setBare().build()) {
      repo.create(true);
      repo.getConfig().setString("user", null, "name", "Alice");
      repo.getConfig().setString("user", null, "email", "alice@example.com");
      repo.getConfig().save();
    }
    open("git:" + local + "#" + remote.toUri()).append(Records.deployment(1));

    LedgerLine line = store().read().lines().get(0);

    assertThat(line.writer()).hasValue("Alice <alice@example.com>");
    try (Repository bare = new FileRepositoryBuilder().setGitDir(remote.toFile()).build()) {
      assertThat(bare.parseCommit(bare.resolve(GitLedgerStore.REF)).getCommitterIdent().getName()).isEqualTo("Alice");
    }
  }

  @Test
  void append_pushRejectedBecauseAnotherWriterWasFirst_rereadsRechainsAndBothLand() {
    GitLedgerStore slow = (GitLedgerStore) open(anotherWriter(1));
    // the faster writer pushes through the transport (as from another machine), so it needs
    // neither this JVM's lock nor the file lock the in-place writer holds
    boolean inPlace = GitLedgerStore.pushToLocalRemotes;
    GitLedgerStore.pushToLocalRemotes = true;
    LedgerStore fast = open(anotherWriter(2));
    GitLedgerStore.pushToLocalRemotes = inPlace;
    AtomicBoolean once = new AtomicBoolean();
    slow.beforeMove = () -> {
      if (once.compareAndSet(false, true)) {
        fast.append(Records.deployment(2));
      }
    };

    LedgerLine line = slow.append(Records.deployment(1));

    assertThat(slow.attempts).isEqualTo(2);
    assertThat(line.number()).isEqualTo(2);
    assertThat(store().read().ledger().records()).containsExactly(Records.deployment(2), Records.deployment(1));
    assertThat(store().verify().isIntact()).isTrue();
  }

  @Test
  void append_outrunByOtherWritersMoreTimesThanTheAttemptBound_waitsItsTurnAndLands() {
    GitLedgerStore slow = (GitLedgerStore) open(anotherWriter(1));
    boolean inPlace = GitLedgerStore.pushToLocalRemotes;
    GitLedgerStore.pushToLocalRemotes = true;
    LedgerStore fast = open(anotherWriter(2));
    GitLedgerStore.pushToLocalRemotes = inPlace;
    int outrun = GitLedgerStore.ATTEMPTS + 10;
    int[] landed = {0};
    slow.beforeMove = () -> {
      if (landed[0] < outrun) {
        fast.append(Records.deployment(1000 + landed[0]++));
      }
    };

    slow.append(Records.deployment(1));

    // each time it was outrun cost an attempt, and the bound (ATTEMPTS, fewer than outrun) did not
    // stop it; a transient refusal on a loaded machine may add one more, which the bound allows too
    assertThat(landed[0]).isEqualTo(outrun);
    assertThat(slow.attempts).isBetween(outrun + 1, outrun + GitLedgerStore.ATTEMPTS);
    assertThat(store().read().lines()).hasSize(outrun + 1);
    assertThat(store().verify().isIntact()).isTrue();
  }

  @Test
  void append_remoteRefusesEveryPushWhileTheLedgerDoesNotMove_givesUpAfterTheAttemptBound() throws Exception {
    store().append(Records.deployment(0));
    boolean inPlace = GitLedgerStore.pushToLocalRemotes;
    GitLedgerStore.pushToLocalRemotes = true;
    GitLedgerStore writer = (GitLedgerStore) open(anotherWriter(2));
    GitLedgerStore.pushToLocalRemotes = inPlace;
    // a lock file no live writer owns: every push through the transport is refused (lock failure)
    Path lock = remote.resolve(GitLedgerStore.REF + ".lock");
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "stuck");

    assertThatThrownBy(() -> writer.append(Records.deployment(1)))
        .hasMessageContaining("gave up appending")
        .hasMessageContaining(GitLedgerStore.ATTEMPTS + " attempts in a row");
    assertThat(writer.attempts).isEqualTo(GitLedgerStore.ATTEMPTS);

    Files.delete(lock);
    assertThat(store().read().lines()).hasSize(1);
  }

  @Test
  void append_replyLostAfterThePushLanded_retryWritesNothingTwice() {
    GitLedgerStore writer = (GitLedgerStore) store();
    writer.afterMove = () -> {
      throw new IllegalStateException("connection reset: the reply was lost");
    };
    assertThatThrownBy(() -> writer.append(Records.deployment(1))).hasMessageContaining("reply was lost");
    writer.afterMove = () -> {};

    writer.append(Records.deployment(1));

    assertThat(store().read().lines()).hasSize(1);
  }

  @Test
  void append_withoutRemote_keepsTheRefInTheLocalRepository() {
    String local = "git:" + dir.resolve("solo");
    open(local).append(deployments(0, 3));

    assertThat(open(local).read().lines()).hasSize(3);
    assertThat(open(local).verify().isIntact()).isTrue();
  }

  @Test
  void append_pastASegment_startsTheNextAndReadsEndToEnd() {
    LedgerStore store = store();
    store.append(deployments(0, GitLedgerStore.SEGMENT - 1));
    store.append(deployments(GitLedgerStore.SEGMENT - 1, GitLedgerStore.SEGMENT + 2));

    LedgerContents contents = open(location()).read();

    assertThat(contents.lines()).hasSize(GitLedgerStore.SEGMENT + 2);
    assertThat(contents.lines().get(GitLedgerStore.SEGMENT).seq()).hasValue(GitLedgerStore.SEGMENT + 1);
    assertThat(store.verify().isIntact()).isTrue();
  }

  @Test
  void open_folderThatIsNotARepository_isAProblem() throws Exception {
    Path folder = dir.resolve("not-a-repo");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("x"), "x");

    assertThatThrownBy(() -> GitLedgerStore.open(folder, Optional.empty()))
        .hasMessageContaining("neither a git repository nor an empty folder");
  }
}
