package dev.converge.runner.ledger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The git store's contract again with the bare remote reached through JGit's push and fetch
 * transport, as a remote on another machine would be, instead of written in place.
 */
class GitPushLedgerStoreTest extends GitLedgerStoreTest {

  @BeforeEach
  void throughTheTransport() {
    GitLedgerStore.pushToLocalRemotes = true;
  }

  @AfterEach
  void inPlaceAgain() {
    GitLedgerStore.pushToLocalRemotes = false;
  }

  /** Every push through the transport costs about 80 ms, and racing pushes retry: fewer appends. */
  @Override
  int appendsPerThread() {
    return 10;
  }
}
