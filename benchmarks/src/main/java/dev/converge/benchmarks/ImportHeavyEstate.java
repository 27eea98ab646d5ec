package dev.converge.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * The import-heavy shape large Atmos users have, written to disk and committed to git: {@code stacks}
 * stack manifests, each importing a stage mixin, a region mixin and {@value #IMPORTS} catalog files;
 * each catalog file defines an abstract base and a component that inherits it
 * ({@code metadata.inherits}), with a dozen vars, a list and a nested map, and a {@code depends_on}
 * on the previous component in chains of five. So {@value #IMPORTS} components per stack; stack
 * names come from {@code name_pattern} ({@code {tenant}-{environment}-{stage}}).
 *
 * <p>The catalog has {@value #CATALOG} files; stack {@code s} imports the window of
 * {@value #IMPORTS} starting at {@code (s % 4) * 50}, so four import sets are shared by all the
 * stacks, as stacks of one kind share their catalog imports in real estates. 1,000 stacks make
 * 50,000 instances in 1,210 files (about 12 MB).
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar dev.converge.benchmarks.ImportHeavyEstate DIR 1000}</pre>
 */
public final class ImportHeavyEstate {

  static final int CATALOG = 200;
  static final int IMPORTS = 50;
  static final String[] STAGES = {"dev", "staging", "prod"};
  static final String[] REGIONS = {"ue1", "ue2", "uw1", "uw2", "ew1", "ec1", "as1"};

  private ImportHeavyEstate() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: ImportHeavyEstate DIR STACKS (DIR must not exist yet)");
      System.exit(2);
    }
    Path root = Path.of(args[0]);
    if (Files.exists(root)) {
      System.err.println(root + " exists already; give a new folder");
      System.exit(2);
    }
    int stacks = Integer.parseInt(args[1]);
    generate(root, stacks);
    commit(root);
    System.out.println(root + ": " + stacks + " stacks, " + stacks * IMPORTS + " instances");
  }

  /** Writes the estate under {@code root}. */
  public static void generate(Path root, int stacks) {
    LoaderBenchmark.write(root.resolve("atmos.yaml"), """
        base_path: "."
        components:
          terraform:
            base_path: components/terraform
        stacks:
          base_path: stacks
          included_paths: ["orgs/**/*"]
          name_pattern: "{tenant}-{environment}-{stage}"
        """);
    LoaderBenchmark.write(root.resolve("rollout.yaml"), """
        environments:
          dev:
            stacks: ["*-dev"]
            checks: [smoke]
          staging:
            after: [dev]
            stacks: ["*-staging"]
            soak: 30m
          prod:
            after: [staging]
            stacks: ["*-prod"]
            soak: 2h
            approvals: 1
            max_parallel: 20
        """);
    for (int c = 0; c < CATALOG; c++) {
      LoaderBenchmark.write(root.resolve("components/terraform/module-" + c % 40 + "/main.tf"),
          "variable \"name\" {}\n# module " + c % 40 + "\n");
    }
    for (String stage : STAGES) {
      LoaderBenchmark.write(root.resolve("stacks/mixins/stage/" + stage + ".yaml"), """
          vars:
            stage: %s
          terraform:
            backend_type: s3
            backend:
              s3:
                bucket: tfstate-%s
                encrypt: true
          settings:
            spacelift:
              workspace_enabled: %s
          """.formatted(stage, stage, !stage.equals("dev")));
    }
    for (String region : REGIONS) {
      LoaderBenchmark.write(root.resolve("stacks/mixins/region/" + region + ".yaml"), """
          vars:
            environment: %s
            region: region-%s
            availability_zones: [%sa, %sb, %sc]
          """.formatted(region, region, region, region, region));
    }
    for (int i = 0; i < CATALOG; i++) {
      LoaderBenchmark.write(root.resolve("stacks/catalog/service-" + i + ".yaml"), catalog(i));
    }
    for (int s = 0; s < stacks; s++) {
      String stage = STAGES[s % STAGES.length];
      String region = REGIONS[s / STAGES.length % REGIONS.length];
      String tenant = "t" + s / (STAGES.length * REGIONS.length);
      StringBuilder yaml = new StringBuilder("import:\n");
      yaml.append("  - mixins/stage/").append(stage).append('\n');
      yaml.append("  - mixins/region/").append(region).append('\n');
      int first = s % 4 * 50;
      for (int i = first; i < first + IMPORTS; i++) {
        yaml.append("  - catalog/service-").append(i).append('\n');
      }
      yaml.append("vars:\n  tenant: ").append(tenant).append('\n');
      yaml.append("components:\n  terraform:\n    service-").append(first).append(":\n");
      yaml.append("      vars:\n        replicas: ").append(1 + s % 5).append('\n');
      LoaderBenchmark.write(root.resolve("stacks/orgs/" + tenant + "/" + stage + "/" + region + ".yaml"),
          yaml.toString());
    }
  }

  private static String catalog(int i) {
    StringBuilder yaml = new StringBuilder("components:\n  terraform:\n");
    yaml.append("    service-").append(i).append("/defaults:\n");
    yaml.append("      metadata:\n        type: abstract\n        component: module-").append(i % 40).append('\n');
    yaml.append("      settings:\n        team: team-").append(i % 7).append('\n');
    yaml.append("      vars:\n");
    for (int v = 0; v < 12; v++) {
      yaml.append("        var_").append(v).append(": value-").append(i).append('-').append(v).append('\n');
    }
    yaml.append("        subnets: [a, b, c, d]\n");
    yaml.append("        tags:\n          owner: team-").append(i % 7).append("\n          tier: t").append(i % 3)
        .append("\n          cost:\n            center: cc-").append(i % 11).append("\n            budget: ")
        .append(100 * (1 + i % 9)).append('\n');
    yaml.append("    service-").append(i).append(":\n");
    yaml.append("      metadata:\n        component: module-").append(i % 40)
        .append("\n        inherits: [service-").append(i).append("/defaults]\n");
    if (i % 5 != 0) {
      yaml.append("      settings:\n        depends_on:\n          1:\n            component: service-").append(i - 1)
          .append('\n');
    }
    yaml.append("      vars:\n        name: service-").append(i).append("\n        var_0: override-").append(i)
        .append('\n');
    return yaml.toString();
  }

  private static void commit(Path root) throws Exception {
    PersonIdent author = new PersonIdent("Benchmark", "benchmark@example.com");
    try (Git git = Git.init().setDirectory(root.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      git.commit().setMessage("import-heavy estate").setAuthor(author).setCommitter(author).setSign(false).call();
    }
  }
}
