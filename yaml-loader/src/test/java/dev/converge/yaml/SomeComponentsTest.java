package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.model.Instance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@link AtmosRepository.Builder#components}: a load of one component's name gives, in every stack
 * that has it, the component and instance a load of every component gives (their dependencies
 * aside, which it leaves unresolved). Over the example estate and every repository of the Atmos
 * conformance corpora, under each atmos.yaml override and environment their cases load them with,
 * for every component name in them.
 */
class SomeComponentsTest {

  /** The shared corpus and Atmos's own fixtures: folders of cases, each a {@code repo/} and an {@code expected.yaml}. */
  private static final List<Path> CORPORA = List.of(Path.of("src/test/resources/conformance/atmos"),
      Path.of("src/test/resources/conformance/atmos-fixtures"));
  private static final Path EXAMPLE = Path.of("..", "examples", "infra");

  @TempDir Path dir;

  @Test
  void everyFixture_eachComponentNameAlone_equalsTheLoadOfEveryComponent() throws IOException {
    int repositories = 0;
    int compared = 0;
    int copies = 0;
    Map<Path, Map<Map<String, Object>, Map<String, String>>> repos = new LinkedHashMap<>();
    repos.put(EXAMPLE, Map.of(Map.of(), Map.of()));
    for (Path corpus : CORPORA) {
      try (Stream<Path> list = Files.list(corpus)) {
        for (Path fixture : list.filter(p -> Files.isDirectory(p.resolve("repo"))).sorted().toList()) {
          repos.put(fixture.resolve("repo"), configurations(fixture));
        }
      }
    }
    for (Map.Entry<Path, Map<Map<String, Object>, Map<String, String>>> repo : repos.entrySet()) {
      Path fixture = repo.getKey();
      Path root = dir.resolve("repo-" + copies++);
      copy(fixture, root);
      for (Map.Entry<Map<String, Object>, Map<String, String>> configuration : repo.getValue().entrySet()) {
        AtmosSnapshot every;
        try {
          every = builder(root, configuration).build().load();
        } catch (ConvergeException e) {
          continue; // nothing to describe
        }
        repositories++;
        Set<String> names = new LinkedHashSet<>();
        every.components().forEach(c -> names.add(c.component()));
        for (String name : names) {
          String at = fixture + " " + configuration + ", component " + name;
          AtmosSnapshot some = builder(root, configuration).components(Set.of(name)).build().load();
          assertThat(some.components()).as(at)
              .isEqualTo(every.components().stream().filter(c -> c.component().equals(name))
                  .map(c -> ImmutableResolvedComponent.copyOf(c).withDependsOn(List.of())).toList());
          assertThat(some.desiredState().instances()).as(at)
              .isEqualTo(every.desiredState().instances().stream().filter(i -> i.component().equals(name))
                  .map(i -> i.withDependsOn(List.of()))
                  .toList());
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

  private static AtmosRepository.Builder builder(Path root, Map.Entry<Map<String, Object>, Map<String, String>> c) {
    AtmosRepository.Builder builder = AtmosRepository.builder(root);
    c.getKey().forEach(builder::atmosConfig);
    if (!c.getValue().isEmpty()) {
      builder.environment(c.getValue());
    }
    return builder;
  }

  /** A fixture's distinct atmos.yaml overrides, each with its environment (the fixture's under the case's). */
  @SuppressWarnings("unchecked")
  private static Map<Map<String, Object>, Map<String, String>> configurations(Path fixture) throws IOException {
    Map<String, Object> expected = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(fixture.resolve("expected.yaml")));
    Map<Map<String, Object>, Map<String, String>> result = new LinkedHashMap<>();
    Object cases = expected.get("cases");
    for (Object c : cases instanceof List<?> list ? list : List.of()) {
      Map<String, Object> one = c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      Map<String, String> environment = new TreeMap<>();
      strings(expected.get("env"), environment);
      strings(one.get("env"), environment);
      result.put(one.get("atmos_config") instanceof Map<?, ?> m ? new TreeMap<>((Map<String, Object>) m) : Map.of(),
          environment);
    }
    if (result.isEmpty()) {
      Map<String, String> environment = new TreeMap<>();
      strings(expected.get("env"), environment);
      result.put(Map.of(), environment);
    }
    return result;
  }

  private static void strings(Object value, Map<String, String> into) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> into.put(String.valueOf(k), String.valueOf(v)));
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
