package dev.converge.runner.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading ledger locations: which store, and which mistakes are refused. */
class LedgerLocationTest {

  @TempDir
  Path dir;

  @Test
  void open_plainPath_isTheFile() {
    try (LedgerStore store = LedgerStore.open(dir.resolve("ledger.jsonl").toString())) {
      assertThat(store).isInstanceOf(LedgerFile.class);
      assertThat(((LedgerFile) store).path()).isEqualTo(dir.resolve("ledger.jsonl"));
    }
  }

  @Test
  void open_fileSchemeAndFileUrl_areTheSameFile() {
    Path file = dir.resolve("ledger.jsonl");
    try (LedgerStore scheme = LedgerStore.open("file:" + file); LedgerStore url = LedgerStore.open(file.toUri().toString())) {
      assertThat(((LedgerFile) scheme).path()).isEqualTo(file);
      assertThat(((LedgerFile) url).path()).isEqualTo(file);
    }
  }

  @Test
  void open_gitWithoutRemote_makesABareRepository() {
    try (LedgerStore store = LedgerStore.open("git:" + dir.resolve("ledger.git"))) {
      assertThat(store).isInstanceOf(GitLedgerStore.class);
      assertThat(dir.resolve("ledger.git").resolve("HEAD")).exists();
    }
  }

  @Test
  void open_gitWithEmptyParts_isRefused() {
    assertThatThrownBy(() -> LedgerStore.open("git:")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("git:DIR or git:DIR#REMOTE");
    assertThatThrownBy(() -> LedgerStore.open("git:" + dir + "#")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void open_unknownScheme_isRefusedNotTakenForAFile() {
    assertThatThrownBy(() -> LedgerStore.open("s3://bucket/ledger")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("scheme");
  }

  @Test
  void open_blank_isRefused() {
    assertThatThrownBy(() -> LedgerStore.open(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void open_postgresTableThatIsNotAName_isRefusedBeforeConnecting() {
    assertThatThrownBy(() -> LedgerStore.open("postgresql://localhost/db?table=x;drop"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
  }

  @Test
  void withoutPassword_masksUrlUserInfoAndPasswordParameters() {
    assertThat(LedgerLocation.withoutPassword("git:.#https://x-access-token:ghs_secret@github.com/a/b.git"))
        .isEqualTo("git:.#https://x-access-token:***@github.com/a/b.git");
    assertThat(LedgerLocation.withoutPassword("postgresql://db/converge?user=ci&password=s3cret&sslmode=require"))
        .isEqualTo("postgresql://db/converge?user=ci&password=***&sslmode=require");
  }
}
