package dev.converge.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The repositories of the Atmos conformance corpora (the shared one and Atmos's own fixtures: folders
 * of cases, each a {@code repo/} and an {@code expected.yaml}), each with the atmos.yaml overrides
 * and environments its cases load it with: for tests that hold one way of loading to another over
 * every repository there is.
 */
final class FixtureRepos {

  static final List<Path> CORPORA = List.of(Path.of("src/test/resources/conformance/atmos"),
      Path.of("src/test/resources/conformance/atmos-fixtures"));

  private FixtureRepos() {}

  /** A fixture's repository and the distinct ways its cases load it. */
  record Repo(String name, Path path, Set<Configuration> configurations) {}

  /** atmos.yaml overrides and environment variables, as a case gives them. */
  record Configuration(Map<String, Object> atmosConfig, Map<String, String> environment) {
    AtmosRepository.Builder apply(AtmosRepository.Builder builder) {
      atmosConfig.forEach(builder::atmosConfig);
      if (!environment.isEmpty()) {
        builder.environment(environment);
      }
      return builder;
    }
  }

  /** Every fixture of both corpora, sorted by corpus then name. */
  static List<Repo> all() {
    List<Repo> result = new ArrayList<>();
    for (Path corpus : CORPORA) {
      try (Stream<Path> list = Files.list(corpus)) {
        for (Path fixture : list.filter(p -> Files.isDirectory(p.resolve("repo"))
            && Files.isRegularFile(p.resolve("expected.yaml"))).sorted().toList()) {
          result.add(new Repo(corpus.getFileName() + "/" + fixture.getFileName(), fixture.resolve("repo"),
              configurations(fixture)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return result;
  }

  /** The distinct configurations of a fixture's cases (the fixture's env under each case's own). */
  @SuppressWarnings("unchecked")
  private static Set<Configuration> configurations(Path fixture) throws IOException {
    Map<String, Object> expected = (Map<String, Object>) new Load(LoadSettings.builder().build())
        .loadFromString(Files.readString(fixture.resolve("expected.yaml")));
    Set<Configuration> result = new LinkedHashSet<>();
    Object cases = expected.get("cases");
    for (Object c : cases instanceof List<?> list ? list : List.of()) {
      Map<String, Object> one = c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
      Map<String, String> environment = strings(expected.get("env"));
      environment.putAll(strings(one.get("env")));
      result.add(new Configuration(one.get("atmos_config") instanceof Map<?, ?> m
          ? new TreeMap<>((Map<String, Object>) m) : Map.of(), environment));
    }
    if (result.isEmpty()) {
      result.add(new Configuration(Map.of(), strings(expected.get("env"))));
    }
    return result;
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> result = new TreeMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> result.put(String.valueOf(k), String.valueOf(v)));
    }
    return result;
  }

  /** Copies the folder {@code from} to {@code to}, which must not exist. */
  static void copy(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
