package dev.converge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code converge demo}: the seed's story, told by the library. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Tells the Continuous Version Deployment story with the real planner: a commit merged,"
        + " dev, staging and prod converging through checks, soaks and an approval.",
    footer = {"", "Example:", "  converge demo"})
final class DemoCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    boolean converged = new SeedStory(spec.commandLine().getOut()).tell().isConverged();
    return converged ? 0 : Converge.FOUND_ERRORS;
  }
}
