package dev.converge.cli;

import dev.converge.diagnostic.Problem;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.runner.ledger.LedgerVerification;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code converge ledger verify}. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Works on the ledger file.",
    subcommands = {LedgerCommand.Verify.class})
final class LedgerCommand {

  private LedgerCommand() {}

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Checks the hash chain: edits, gaps and reordering; exits 1 naming the first broken line.",
      footer = {"", "Example:", "  converge ledger verify --ledger .converge/ledger.jsonl"})
  static final class Verify implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Output.require(options.format, Output.formats(Format.text), "ledger verify");
      if (!java.nio.file.Files.exists(options.ledgerPath())) {
        throw new Converge.UsageException("no ledger file at " + options.ledgerPath()
            + "; pass --ledger FILE or --repo DIR (the ledger is <repo>/.converge/ledger.jsonl)");
      }
      LedgerVerification verification = LedgerFile.at(options.ledgerPath()).verify();
      for (Problem problem : verification.problems()) {
        spec.commandLine().getErr().println(problem.render());
      }
      spec.commandLine().getErr().flush();
      if (verification.isIntact()) {
        spec.commandLine().getOut().println(verification.file() + ": " + verification.records() + " records, "
            + verification.chained() + " chained, intact");
        spec.commandLine().getOut().flush();
        return 0;
      }
      spec.commandLine().getOut().println(verification.file() + ": broken at line "
          + verification.firstBrokenLine().orElse(0));
      spec.commandLine().getOut().flush();
      return Converge.FOUND_ERRORS;
    }
  }
}
