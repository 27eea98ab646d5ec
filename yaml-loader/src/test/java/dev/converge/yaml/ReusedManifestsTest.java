package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AtmosRepository.Builder#reuseParses} with loads that plan (no describe maps), as
 * {@code converge affected} makes them: a manifest that merges to the same manifest as in the last
 * load is not resolved again. Seeded histories of edits (a catalog var changed, lines inserted above
 * a definition, a stack's own var changed, an import dropped, a stack added, atmos.yaml changed, a
 * template or a YAML function added) are loaded with reuse, revision after revision and back again,
 * and each load must equal a fresh one: instances, components, stacks, manifests and warnings.
 */
class ReusedManifestsTest {

  @TempDir Path dir;

  private static final String ATMOS_YAML = """
      base_path: "."
      stacks:
        base_path: stacks
        included_paths: ["deploy/**/*"]
        name_pattern: "{tenant}-{stage}"
      components:
        terraform:
          base_path: components/terraform
      templates:
        settings:
          enabled: true
          sprig:
            enabled: true
      """;

  private static String catalog(int i, int version, int blankLines) {
    return "\n".repeat(blankLines) + """
        components:
          terraform:
            svc-%d/defaults:
              metadata: {type: abstract, component: vpc}
              vars: {size: %d, tags: {team: t%d}}
            svc-%d:
              metadata: {component: vpc, inherits: [svc-%d/defaults]}
              settings: {depends_on: {1: {component: svc-%d}}}
              vars: {name: svc-%d}
        """.formatted(i, version, i, i, i, (i + 3) % 4, i);
  }

  private static String stack(int s, List<Integer> imports, int replicas, String extra) {
    StringBuilder yaml = new StringBuilder("import:\n");
    imports.forEach(i -> yaml.append("  - catalog/svc-").append(i).append('\n'));
    yaml.append("vars: {tenant: t").append(s / 2).append(", stage: ").append(s % 2 == 0 ? "dev" : "prod").append("}\n");
    yaml.append("components:\n  terraform:\n    svc-").append(imports.get(0)).append(":\n      vars:\n");
    yaml.append("        replicas: ").append(replicas).append('\n').append(extra);
    return yaml.toString();
  }

  @Test
  void seededHistories_loadedWithReuseInAnyOrder_equalFreshLoads() {
    int edits = 0;
    for (long seed = 1; seed <= 6; seed++) {
      Random random = new Random(seed);
      Path root = dir.resolve("estate-" + seed);
      RepoFiles repo = RepoFiles.in(root).write("atmos.yaml", ATMOS_YAML);
      int[] versions = new int[4];
      int[] blanks = new int[4];
      for (int i = 0; i < 4; i++) {
        repo.write("stacks/catalog/svc-" + i + ".yaml", catalog(i, 0, 0));
      }
      List<List<Integer>> imports = new ArrayList<>();
      int stacks = 4;
      for (int s = 0; s < stacks; s++) {
        imports.add(new ArrayList<>(List.of(0, 1, 2, 3)));
        repo.write("stacks/deploy/s" + s + ".yaml", stack(s, imports.get(s), 1, ""));
      }
      // a stack its name pattern cannot name: resolving it warns, and a reused load warns again
      repo.write("stacks/deploy/unnamed.yaml", "import: [catalog/svc-0]\nvars: {stage: dev}\n");
      List<String> revisions = new ArrayList<>();
      revisions.add(repo.commit("first").name());
      List<Integer> kinds = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7)); // every kind of edit, in a seeded order
      java.util.Collections.shuffle(kinds, random);
      for (int r = 0; r < kinds.size(); r++) {
        int i = random.nextInt(4);
        int s = random.nextInt(stacks);
        switch (kinds.get(r)) {
          case 0 -> repo.write("stacks/catalog/svc-" + i + ".yaml", catalog(i, ++versions[i], blanks[i]));
          case 1 -> repo.write("stacks/catalog/svc-" + i + ".yaml", catalog(i, versions[i], blanks[i] += 2));
          case 2 -> repo.write("stacks/deploy/s" + s + ".yaml", stack(s, imports.get(s), 2 + r, ""));
          case 3 -> {
            if (imports.get(s).size() > 1) {
              imports.get(s).remove(imports.get(s).size() - 1);
            }
            repo.write("stacks/deploy/s" + s + ".yaml", stack(s, imports.get(s), 1, ""));
          }
          case 4 -> {
            imports.add(new ArrayList<>(List.of(i, (i + 1) % 4)));
            repo.write("stacks/deploy/s" + stacks + ".yaml", stack(stacks, imports.get(stacks), 1, ""));
            stacks++;
          }
          case 5 -> repo.write("atmos.yaml", ATMOS_YAML.replace("{tenant}-{stage}", "{stage}-{tenant}")); // all renamed
          case 6 -> repo.write("stacks/deploy/s" + s + ".yaml", stack(s, imports.get(s), 1,
              "        label: \"{{ .vars.stage }} at {{ now }}\"\n")); // the revision's commit time
          default -> repo.write("stacks/deploy/s" + s + ".yaml", stack(s, imports.get(s), 1,
              "        greeting: !exec echo hello\n")); // deferred: exec is not allowed
        }
        revisions.add(repo.commit("edit " + r).name());
        edits++;
      }
      // comparison digests, as affected loads; ledger ones, as a service reloading the estate would
      boolean comparing = seed % 2 == 0;
      AtmosRepository reusing = planning(root, comparing).reuseParses(true).build();
      List<String> order = new ArrayList<>(revisions);
      order.addAll(List.of(revisions.get(revisions.size() - 1), revisions.get(0), revisions.get(2)));
      for (String revision : order) {
        AtmosSnapshot reused = reusing.load(revision);
        AtmosSnapshot fresh = planning(root, comparing).build().load(revision);
        String at = "seed " + seed + ", revision " + revisions.indexOf(revision);
        assertThat(reused.desiredState()).as(at).isEqualTo(fresh.desiredState());
        assertThat(reused.components()).as(at).isEqualTo(fresh.components());
        assertThat(reused.stacks()).as(at).isEqualTo(fresh.stacks());
        assertThat(reused.manifests()).as(at).isEqualTo(fresh.manifests());
        assertThat(reused.warnings()).as(at).isEqualTo(fresh.warnings());
        assertThat(reused.warnings()).as(at).anySatisfy(p -> assertThat(p.rule()).isEqualTo("stack-name-fallback"));
      }
    }
    assertThat(edits).isEqualTo(48);
  }

  private static AtmosRepository.Builder planning(Path root, boolean comparing) {
    return AtmosRepository.builder(root).outlineAbstractBases(true).describeMaps(false).comparisonDigests(comparing);
  }
}
