package dev.converge.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.errors.GitAPIException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge demo}: the seed's story, told by the library on the example estate. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {"Tells the Continuous Version Deployment story with the real library: a scratch git repository"
        + " made from the example estate, a commit merged, dev, staging and prod converging through checks,"
        + " soaks and an approval; the plan and the status at each step."},
    footer = {"", "Example:", "  converge demo", "  converge demo --example examples/infra --workdir /tmp/converge-demo"})
final class DemoCommand implements Callable<Integer> {

  @Option(names = "--example", paramLabel = "DIR", defaultValue = "examples/infra",
      description = "The example Atmos repository to copy (default: ${DEFAULT-VALUE}).")
  Path example;

  @Option(names = "--workdir", paramLabel = "DIR",
      description = "Where to make the scratch repository and ledger (default: a new temporary folder).")
  Path workdir;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() throws IOException, GitAPIException {
    if (!Files.isRegularFile(example.resolve("atmos.yaml"))) {
      throw new Converge.UsageException("--example " + example + " has no atmos.yaml; run from the Converge"
          + " repository root or pass --example path/to/examples/infra");
    }
    Path dir = workdir != null ? Files.createDirectories(workdir) : Files.createTempDirectory("converge-demo");
    if (Files.exists(dir.resolve("infra"))) {
      throw new Converge.UsageException("--workdir " + dir + " already holds a demo; pass an empty folder");
    }
    boolean converged = new SeedStory(spec.commandLine().getOut(), example, dir).tell().isConverged();
    return converged ? 0 : Converge.FOUND_ERRORS;
  }
}
