package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtmosRepository.Builder#components}: a load of one component's name gives, in every stack
 * that has it, the component and instance a load of every component gives (their dependencies
 * aside, which it leaves unresolved). Over the example estate and every repository of the Atmos
 * conformance corpora, under each atmos.yaml override and environment their cases load them with,
 * for every component name in them.
 */
class SomeComponentsTest {

  private static final Path EXAMPLE = Path.of("..", "examples", "infra");

  @TempDir Path dir;

  @Test
  void everyFixture_eachComponentNameAlone_equalsTheLoadOfEveryComponent() {
    int repositories = 0;
    int compared = 0;
    int copies = 0;
    List<FixtureRepos.Repo> repos = new ArrayList<>();
    repos.add(new FixtureRepos.Repo("examples/infra", EXAMPLE,
        Set.of(new FixtureRepos.Configuration(Map.of(), Map.of()))));
    repos.addAll(FixtureRepos.all());
    for (FixtureRepos.Repo repo : repos) {
      Path root = dir.resolve("repo-" + copies++);
      FixtureRepos.copy(repo.path(), root);
      for (FixtureRepos.Configuration configuration : repo.configurations()) {
        AtmosSnapshot every;
        try {
          every = configuration.apply(AtmosRepository.builder(root)).build().load();
        } catch (ConvergeException e) {
          continue; // nothing to describe
        }
        repositories++;
        Set<String> names = new LinkedHashSet<>();
        every.components().forEach(c -> names.add(c.component()));
        for (String name : names) {
          String at = repo.name() + " " + configuration + ", component " + name;
          AtmosSnapshot some = configuration.apply(AtmosRepository.builder(root)).components(Set.of(name)).build()
              .load();
          assertThat(some.components()).as(at)
              .isEqualTo(every.components().stream().filter(c -> c.component().equals(name))
                  .map(c -> ImmutableResolvedComponent.copyOf(c).withDependsOn(List.of())).toList());
          assertThat(some.desiredState().instances()).as(at)
              .isEqualTo(every.desiredState().instances().stream().filter(i -> i.component().equals(name))
                  .map(i -> i.withDependsOn(List.of())).toList());
          compared += some.components().size();
        }
      }
    }
    // the corpus is what makes this test worth having: it must not shrink to nothing
    assertThat(repositories).isGreaterThanOrEqualTo(55);
    assertThat(compared).isGreaterThanOrEqualTo(450);
  }

  /**
   * With a name template, a component it cannot name (a var missing) is an error in a manifest
   * where it names others (a stack lacking a value) and a warning where it names none (a file that
   * is no stack): asked for alone, the component gets the same verdict, told by the others.
   */
  @Test
  void nameTemplate_componentItCannotName_sameVerdictAsTheLoadOfEveryComponent() {
    RepoFiles repo = RepoFiles.in(dir.resolve("named")).write("atmos.yaml", """
        base_path: "."
        stacks:
          base_path: stacks
          included_paths: ["**/*"]
          name_template: "{{ .vars.tenant }}-{{ .vars.stage }}"
        components:
          terraform:
            base_path: components/terraform
        """)
        .write("stacks/dev.yaml", """
            vars: {stage: dev}
            components:
              terraform:
                vpc: {vars: {tenant: acme}}
                dns: {vars: {size: 1}}
            """)
        .write("stacks/catalog.yaml", """
            components:
              terraform:
                cache: {vars: {size: 2}}
            """);

    assertThatThrownBy(() -> AtmosRepository.builder(repo.root()).build().load())
        .isInstanceOf(ConvergeException.class).hasMessageContaining("component `dns`");
    assertThatThrownBy(() -> AtmosRepository.builder(repo.root()).components(Set.of("dns")).build().load())
        .isInstanceOf(ConvergeException.class).hasMessageContaining("component `dns`");
    repo.write("stacks/dev.yaml", """
        vars: {stage: dev}
        components:
          terraform:
            vpc: {vars: {tenant: acme}}
        """);
    AtmosSnapshot every = AtmosRepository.builder(repo.root()).build().load();
    AtmosSnapshot cache = AtmosRepository.builder(repo.root()).components(Set.of("cache")).build().load();
    assertThat(cache.components()).containsExactlyElementsOf(
        every.components().stream().filter(c -> c.component().equals("cache")).toList());
    assertThat(cache.components()).singleElement().satisfies(c -> assertThat(c.stack()).isEqualTo("catalog"));
    assertThat(cache.warnings()).anySatisfy(p -> assertThat(p.rule()).isEqualTo("stack-name-fallback"));
    assertThat(AtmosRepository.builder(repo.root()).components(Set.of("vpc")).build().load().components())
        .singleElement().satisfies(c -> assertThat(c.stack()).isEqualTo("acme-dev"));
  }
}
