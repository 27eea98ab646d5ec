package dev.converge.runner.ledger;

import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The git store with real writer processes, each with its own local copy, and one bare remote at a
 * {@code file://} URL: written in place (objects, then the ref by compare-and-swap), or pushed to
 * through JGit's transport as a remote on another machine would be.
 */
class GitLedgerStoreIT {

  @TempDir
  Path dir;

  Path remote;

  @BeforeEach
  void bareRemote() throws Exception {
    remote = dir.resolve("remote.git");
    try (Repository bare = new FileRepositoryBuilder().setGitDir(remote.toFile()).setBare().build()) {
      bare.create(true);
      // Pushes through JGit's file:// transport run the receiving side (ReceivePack) inside each
      // writer process, and it would start a background gc on the remote after every push: four
      // processes fighting over gc.pid. A real remote's server runs its own gc; so does git's.
      bare.getConfig().setBoolean("receive", null, "autogc", false);
      bare.getConfig().save();
    }
  }

  String writer(int n) {
    return "git:" + dir.resolve("writer-" + n) + "#" + remote.toUri();
  }

  @Test
  @Timeout(240)
  void append_fourProcessesTwoHundredFiftyEach_leaveAThousandRecordsAndAValidChain() throws Exception {
    LedgerStoreTrials.race(this::writer, "git:" + dir.resolve("reader") + "#" + remote.toUri(), 4, 250);
  }

  @Test
  @Timeout(180)
  void append_fourProcessesPushingThroughTheTransport_allLandWithAValidChain() throws Exception {
    // pushes through JGit's transport cost about 80 ms each and racing ones are rejected and retried:
    // fewer appends than in place
    LedgerStoreTrials.race(this::writer, "git:" + dir.resolve("reader") + "#" + remote.toUri(), 4, 25, "push");
  }

  @Test
  @Timeout(300)
  void append_writerKilledWithSigkillAtRandomMoments_keepsEveryAcknowledgedRecord() throws Exception {
    // every trial's writer reuses the same local copy, as a rerun CI job on one machine would
    LedgerStoreTrials.killTrials(n -> writer(0), "git:" + dir.resolve("reader") + "#" + remote.toUri(),
        LedgerStoreTrials.KILL_TRIALS, 20261203L);
  }
}
