package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the repository answers about git beside loading: revisions, changed files, commit times. */
class GitQueriesTest {

  @TempDir
  Path dir;

  private static final String STACK = "vars:\n  stage: dev\n  region: ue1\ncomponents:\n  terraform:\n    vpc:\n"
      + "      vars:\n        cidr: 10.0.0.0/16\n";

  @Test
  void changedFiles_twoCommitsOfARepositoryInASubfolder_pathsFromTheAtmosFolder() {
    RepoFiles repo = RepoFiles.in(dir.resolve("infra")).write("stacks/deploy/dev.yaml", STACK);
    RepoFiles git = RepoFiles.bare(dir).write("README.md", "top\n");
    git.commit("first");
    repo.write("stacks/deploy/dev.yaml", STACK.replace("10.0.0.0/16", "10.1.0.0/16"))
        .write("components/terraform/vpc/main.tf", "# vpc v2\n");
    git.write("README.md", "changed outside the Atmos folder\n");
    RevCommit second = git.commit("second");
    AtmosRepository repository = AtmosRepository.open(dir.resolve("infra"));

    AtmosSnapshot base = repository.load("HEAD~1");
    AtmosSnapshot head = repository.load("HEAD");

    assertThat(repository.changedFiles(base, head))
        .containsExactly("components/terraform/vpc/main.tf", "stacks/deploy/dev.yaml");
    assertThat(repository.changedFiles(head, head)).isEmpty();
    assertThat(repository.resolveRevision("HEAD")).isEqualTo(second.getName());
    assertThat(repository.resolveRevision(second.getName().substring(0, 7))).isEqualTo(second.getName());
  }

  @Test
  void resolveRevision_unknownOrOutsideGit_locatedProblem() {
    RepoFiles repo = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", STACK);
    repo.commit("first");
    AtmosRepository repository = AtmosRepository.open(dir);

    assertThatThrownBy(() -> repository.resolveRevision("no-such-tag")).isInstanceOf(ConvergeException.class)
        .satisfies(e -> assertThat(((ConvergeException) e).problems().get(0).rule()).isEqualTo("unknown-revision"));
    Path outside = dir.resolve("..").resolve(dir.getFileName() + "-plain");
    RepoFiles.in(outside);
    assertThatThrownBy(() -> AtmosRepository.open(outside).resolveRevision("HEAD"))
        .isInstanceOf(ConvergeException.class)
        .satisfies(e -> assertThat(((ConvergeException) e).problems().get(0).rule())
            .isEqualTo("not-a-git-repository"));
  }

  @Test
  void commitTimes_knownAndUnknownRevisions_onlyTheKnownWithTheirCommitterTime() {
    RepoFiles repo = RepoFiles.in(dir).write("stacks/deploy/dev.yaml", STACK);
    RevCommit first = repo.commit("first");
    AtmosRepository repository = AtmosRepository.open(dir);

    Map<String, Instant> times = repository.commitTimes(List.of(first.getName(), "0123456789abcdef", "HEAD"));

    assertThat(times).containsOnlyKeys(first.getName(), "HEAD")
        .containsEntry(first.getName(), Instant.ofEpochSecond(first.getCommitTime()));
  }
}
