package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.model.InstanceId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where atmos.yaml is found and what its base path means, on real folders and real git
 * repositories. The facts are Atmos's ({@code pkg/config/load.go} for the search,
 * {@code config.go} {@code resolveAbsolutePath} and {@code git_root.go} for base paths): a
 * dot-prefixed {@code base_path} is relative to atmos.yaml's folder, {@code ""} is the git root, a
 * bare path is under the git root, an absolute path is itself, {@code ATMOS_BASE_PATH}'s dots are
 * relative to the working folder.
 */
class ConfigLocationTest {

  @TempDir
  Path dir;

  /** Stacks and a component at the top of {@code files}, with no atmos.yaml. */
  private static RepoFiles stacksAndComponents(RepoFiles files) {
    return files.write("components/terraform/vpc/main.tf", "# vpc\n")
        .write("stacks/deploy/dev.yaml", """
            vars: {stage: dev, region: us-east-1}
            components:
              terraform:
                vpc:
                  vars: {cidr: 10.0.0.0/16}
            """);
  }

  /** An atmos.yaml with {@code base_path} (written as given, quotes included) and the usual paths. */
  private static String atmosYaml(String basePath) {
    return "base_path: " + basePath + "\n" + RepoFiles.ATMOS_YAML.substring(RepoFiles.ATMOS_YAML.indexOf('\n') + 1);
  }

  private static void assertLoadsDevVpc(AtmosSnapshot snapshot, Path folder) {
    assertThat(snapshot.stacks()).extracting(AtmosStack::name).containsExactly("dev/us-east-1");
    assertThat(snapshot.manifests()).extracting(StackManifest::path).containsExactly("stacks/deploy/dev.yaml");
    assertThat(snapshot.desiredState().instance(InstanceId.of("dev/us-east-1", "vpc")).orElseThrow().vars())
        .containsEntry("cidr", "10.0.0.0/16");
    assertThat(snapshot.component("dev/us-east-1", "vpc").orElseThrow().sourceDigest()).isPresent();
    assertThat(snapshot.folder()).hasValueSatisfying(f -> assertThat(real(f)).isEqualTo(real(folder)));
    assertThat(snapshot.componentBasePaths()).containsEntry("terraform", "components/terraform");
  }

  private static Path real(Path path) {
    try {
      return path.toRealPath();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<Problem> problemsOf(AtmosRepository repository) {
    try {
      repository.load();
    } catch (ConvergeException e) {
      return e.problems();
    }
    throw new AssertionError("the load succeeded; problems were expected");
  }

  @Nested
  class Unchanged {

    @Test
    void load_atmosYamlInTheOpenedFolderInsideGit_pathsRelativeToThatFolder() {
      RepoFiles top = RepoFiles.bare(dir).write("README.md", "the monorepo\n");
      RepoFiles infra = stacksAndComponents(RepoFiles.in(dir.resolve("infra")));
      top.commit("monorepo");

      AtmosSnapshot snapshot = AtmosRepository.open(infra.root()).load();

      assertLoadsDevVpc(snapshot, infra.root());
    }

    @Test
    void load_atmosYamlInTheOpenedFolder_sameSnapshotInsideAndOutsideGit() {
      RepoFiles plain = stacksAndComponents(RepoFiles.in(dir.resolve("plain")));
      RepoFiles inGit = stacksAndComponents(RepoFiles.in(dir.resolve("git")));
      inGit.commit("one");

      AtmosSnapshot outside = AtmosRepository.open(plain.root()).load();
      AtmosSnapshot inside = AtmosRepository.open(inGit.root()).load();

      assertThat(inside.components()).isEqualTo(outside.components());
      assertThat(inside.manifests()).isEqualTo(outside.manifests());
    }
  }

  @Nested
  class ConfigInASubfolder {

    @Test
    void load_openedAtTheConfigFolder_basePathDotDot_readsTheParent() {
      RepoFiles top = stacksAndComponents(RepoFiles.bare(dir)).write("config/atmos.yaml", atmosYaml("\"..\""));
      top.commit("config in a subfolder");

      AtmosSnapshot snapshot = AtmosRepository.open(dir.resolve("config")).load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_configPathToTheFolder_basePathDotDot_readsTheParent() {
      stacksAndComponents(RepoFiles.bare(dir)).write("config/atmos.yaml", atmosYaml("\"..\""));

      AtmosSnapshot snapshot = AtmosRepository.builder(dir).configPath(Path.of("config")).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_basePathDotDotOutsideGit_leavesTheRepository_locatedProblem() {
      stacksAndComponents(RepoFiles.bare(dir)).write("config/atmos.yaml", atmosYaml("\"..\""));

      List<Problem> problems = problemsOf(AtmosRepository.open(dir.resolve("config")));

      assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("path-outside-repository");
        assertThat(p.location().orElseThrow().render()).isEqualTo("atmos.yaml:1:12");
        assertThat(p.message()).contains("base_path `..` leaves the repository");
        assertThat(p.fix()).hasValueSatisfying(f -> assertThat(f).contains("keep base_path inside"));
      });
    }

    @Test
    void load_configPathToAMissingFile_isAProblem() {
      stacksAndComponents(RepoFiles.bare(dir));

      List<Problem> problems = problemsOf(AtmosRepository.builder(dir).configPath(Path.of("nowhere")).build());

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("config-not-found");
        assertThat(p.message()).contains("config path `nowhere` names no atmos.yaml");
      });
    }

    @Test
    void load_configPathOutsideTheRepository_isAProblem() {
      RepoFiles elsewhere = RepoFiles.in(dir.resolve("elsewhere"));
      RepoFiles repo = stacksAndComponents(RepoFiles.in(dir.resolve("repo")));
      repo.commit("repo");

      List<Problem> problems = problemsOf(AtmosRepository.builder(repo.root())
          .configPath(elsewhere.root().resolve("atmos.yaml")).build());

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("path-outside-repository");
        assertThat(p.message()).contains("leaves the repository");
      });
    }
  }

  /**
   * The Geodesic layout: atmos.yaml in {@code rootfs/usr/local/etc/atmos/} (the container's system
   * folder), {@code base_path: ""} meaning the git root.
   */
  @Nested
  class Geodesic {

    private static final String CONFIG_FOLDER = "rootfs/usr/local/etc/atmos";

    private RepoFiles geodesic() {
      return stacksAndComponents(RepoFiles.bare(dir)).write(CONFIG_FOLDER + "/atmos.yaml", atmosYaml("\"\""));
    }

    @Test
    void load_basePathRepoRootFunction_isTheGitRoot() {
      stacksAndComponents(RepoFiles.bare(dir)).write(CONFIG_FOLDER + "/atmos.yaml", atmosYaml("!repo-root"))
          .commit("geodesic with !repo-root");

      AtmosSnapshot snapshot = AtmosRepository.builder(dir)
          .environment(Map.of("ATMOS_CLI_CONFIG_PATH", CONFIG_FOLDER)).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_foundThroughAtmosCliConfigPath_basePathEmptyIsTheGitRoot() {
      geodesic().commit("geodesic");

      AtmosSnapshot snapshot = AtmosRepository.builder(dir)
          .environment(Map.of("ATMOS_CLI_CONFIG_PATH", CONFIG_FOLDER)).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_foundThroughConfigPath_fromASubfolderOfTheRepository() {
      geodesic().commit("geodesic");

      AtmosSnapshot snapshot = AtmosRepository.builder(dir.resolve("stacks"))
          .configPath(Path.of("../" + CONFIG_FOLDER + "/atmos.yaml")).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }

    /** Atmos's git-root discovery ({@code applyGitRootBasePath}): {@code .} is the git root when the working folder has no config. */
    @Test
    void load_basePathDot_openedFolderWithoutConfig_isTheGitRoot() {
      stacksAndComponents(RepoFiles.bare(dir)).write(CONFIG_FOLDER + "/atmos.yaml", atmosYaml("\".\""))
          .commit("geodesic, base_path .");

      AtmosSnapshot snapshot = AtmosRepository.builder(dir)
          .environment(Map.of("ATMOS_CLI_CONFIG_PATH", CONFIG_FOLDER)).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_basePathDot_outsideGit_isTheConfigFolder() {
      stacksAndComponents(RepoFiles.bare(dir.resolve(CONFIG_FOLDER))).write("atmos.yaml", atmosYaml("\".\""));

      AtmosSnapshot snapshot = AtmosRepository.builder(dir)
          .environment(Map.of("ATMOS_CLI_CONFIG_PATH", CONFIG_FOLDER)).build().load();

      assertThat(snapshot.manifests()).extracting(StackManifest::path)
          .containsExactly(CONFIG_FOLDER + "/stacks/deploy/dev.yaml");
    }

    @Test
    void load_configPathBeatsAtmosCliConfigPath() {
      geodesic().write("other/atmos.yaml", "stacks: {base_path: nothing-here}\n").commit("two configs");

      AtmosSnapshot snapshot = AtmosRepository.builder(dir).configPath(Path.of(CONFIG_FOLDER))
          .environment(Map.of("ATMOS_CLI_CONFIG_PATH", "other")).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_withoutTheVariable_atmosDefaultsApply() {
      geodesic().write("stacks/orgs/acme/dev.yaml", """
              vars: {tenant: acme, environment: ue1, stage: dev}
              components: {terraform: {vpc: {}}}
              """)
          .commit("geodesic");

      AtmosSnapshot snapshot = AtmosRepository.open(dir).load();

      assertThat(snapshot.stacks()).extracting(AtmosStack::name).containsExactly("acme-ue1-dev");
    }

    @Test
    void load_revision_readsTheLayoutFromGit() {
      RepoFiles files = geodesic();
      files.commit("geodesic");
      files.write("stacks/deploy/dev.yaml", "vars: {stage: dev, region: us-west-2}\n");

      AtmosSnapshot head = AtmosRepository.builder(dir).environment(Map.of("ATMOS_CLI_CONFIG_PATH", CONFIG_FOLDER))
          .build().load("HEAD");

      assertLoadsDevVpc(head, dir);
    }

    @Test
    void load_revisionOpenedInASubfolder_anchoredAtTheGitRoot() {
      RepoFiles files = geodesic();
      files.commit("geodesic");

      AtmosSnapshot head = AtmosRepository.builder(dir.resolve(CONFIG_FOLDER)).build().load("HEAD");

      assertLoadsDevVpc(head, dir);
    }
  }

  @Nested
  class GitRootSearch {

    @Test
    void load_openedInASubfolderWithoutConfig_readsTheGitRootAtmosYaml() {
      stacksAndComponents(RepoFiles.in(dir)).commit("at the root");

      AtmosSnapshot snapshot = AtmosRepository.open(dir.resolve("components/terraform")).load();

      assertLoadsDevVpc(snapshot, dir);
    }
  }

  @Nested
  class AtmosBasePath {

    private RepoFiles nested() {
      RepoFiles files = RepoFiles.bare(dir).write("atmos.yaml", atmosYaml("\".\""));
      stacksAndComponents(RepoFiles.bare(dir.resolve("infra")));
      return files;
    }

    @Test
    void load_dotPrefixed_relativeToTheOpenedFolder() {
      nested();

      AtmosSnapshot snapshot = AtmosRepository.builder(dir).environment(Map.of("ATMOS_BASE_PATH", "./infra"))
          .build().load();

      assertThat(snapshot.manifests()).extracting(StackManifest::path).containsExactly("infra/stacks/deploy/dev.yaml");
      assertThat(snapshot.componentBasePaths()).containsEntry("terraform", "infra/components/terraform");
      assertThat(snapshot.component("dev/us-east-1", "vpc").orElseThrow().sourceDigest()).isPresent();
    }

    @Test
    void load_bare_underTheGitRoot() {
      nested().commit("nested");

      AtmosSnapshot snapshot = AtmosRepository.builder(dir.resolve("infra/stacks"))
          .configPath(Path.of("../..")).environment(Map.of("ATMOS_BASE_PATH", "infra")).build().load();

      assertThat(snapshot.manifests()).extracting(StackManifest::path).containsExactly("infra/stacks/deploy/dev.yaml");
      assertThat(snapshot.folder()).hasValueSatisfying(f -> assertThat(real(f)).isEqualTo(real(dir)));
    }

    @Test
    void load_outsideTheRepository_isAProblemNamingTheVariable() {
      nested();

      List<Problem> problems = problemsOf(AtmosRepository.builder(dir)
          .environment(Map.of("ATMOS_BASE_PATH", "../elsewhere")).build());

      assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("path-outside-repository");
        assertThat(p.message()).contains("ATMOS_BASE_PATH `../elsewhere` leaves the repository");
      });
    }

    @Test
    void load_emptyVariable_countsAsAbsent() {
      stacksAndComponents(RepoFiles.in(dir));

      AtmosSnapshot snapshot = AtmosRepository.builder(dir).environment(Map.of("ATMOS_BASE_PATH", "",
          "ATMOS_CLI_CONFIG_PATH", "")).build().load();

      assertLoadsDevVpc(snapshot, dir);
    }
  }

  @Nested
  class AbsoluteBasePath {

    @Test
    void load_insideTheRepository_readAsItIs() {
      stacksAndComponents(RepoFiles.bare(dir)).write("atmos.yaml",
          atmosYaml("\"" + dir.toAbsolutePath().toString().replace('\\', '/') + "\""));

      AtmosSnapshot snapshot = AtmosRepository.open(dir).load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_insideTheGitRepository_readAsItIs() {
      stacksAndComponents(RepoFiles.bare(dir)).write("config/atmos.yaml",
          atmosYaml("\"" + real(dir).toString().replace('\\', '/') + "\"")).commit("absolute");

      AtmosSnapshot snapshot = AtmosRepository.open(dir.resolve("config")).load();

      assertLoadsDevVpc(snapshot, dir);
    }

    @Test
    void load_outsideTheRepository_locatedProblem() {
      RepoFiles repo = RepoFiles.bare(dir.resolve("repo")).write("atmos.yaml",
          atmosYaml("\"" + dir.resolve("elsewhere").toAbsolutePath().toString().replace('\\', '/') + "\""));
      stacksAndComponents(RepoFiles.bare(dir.resolve("elsewhere")));

      List<Problem> problems = problemsOf(AtmosRepository.open(repo.root()));

      assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("path-outside-repository");
        assertThat(p.location().orElseThrow().render()).isEqualTo("atmos.yaml:1:12");
      });
    }
  }

  @Nested
  class Escaping {

    @Test
    void load_stacksBasePathLeavingTheGitRepository_locatedAtItsValue() {
      RepoFiles.bare(dir).write("atmos.yaml", """
          base_path: "."
          stacks:
            base_path: ../../stacks
            included_paths: ["**/*"]
          """).commit("escaping");

      List<Problem> problems = problemsOf(AtmosRepository.open(dir));

      assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("path-outside-repository");
        assertThat(p.message()).contains("stacks base path `../../stacks` leaves the repository");
        assertThat(p.location().orElseThrow().render()).isEqualTo("atmos.yaml:3:14");
      });
    }

    @Test
    void load_vendorBasePathLeavingTheRepository_locatedAtItsValue() {
      stacksAndComponents(RepoFiles.in(dir)).write("atmos.yaml", RepoFiles.ATMOS_YAML + """
          vendor:
            base_path: ../vendor.yaml
          """);

      List<Problem> problems = problemsOf(AtmosRepository.open(dir));

      assertThat(problems).filteredOn(Problem::isError).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("path-outside-repository");
        assertThat(p.location().orElseThrow().render()).isEqualTo("atmos.yaml:14:14");
      });
    }

    @Test
    void load_configInASubfolder_problemsNameItsPathFromTheAnchor() {
      stacksAndComponents(RepoFiles.bare(dir)).write("config/atmos.yaml", atmosYaml("\"..\"") + """
          settings:
            list_merge_strategy: sideways
          """).commit("bad strategy");

      List<Problem> problems = problemsOf(AtmosRepository.open(dir.resolve("config")));

      assertThat(problems).singleElement().satisfies(p -> {
        assertThat(p.rule()).isEqualTo("atmos-config");
        assertThat(p.location().orElseThrow().file()).isEqualTo("config/atmos.yaml");
      });
    }

    @Test
    void builder_environmentWithNull_refusedNamingIt() {
      Map<String, String> withNull = new java.util.HashMap<>();
      withNull.put("ATMOS_BASE_PATH", null);

      assertThatThrownBy(() -> AtmosRepository.builder(dir).environment(withNull))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ATMOS_BASE_PATH");
    }
  }
}
