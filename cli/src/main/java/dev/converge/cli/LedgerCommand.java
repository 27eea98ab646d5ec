package dev.converge.cli;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Hold;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Release;
import dev.converge.runner.ledger.LedgerContents;
import dev.converge.runner.ledger.LedgerCopy;
import dev.converge.runner.ledger.LedgerFile;
import dev.converge.runner.ledger.LedgerLine;
import dev.converge.runner.ledger.LedgerStore;
import dev.converge.runner.ledger.LedgerVerification;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code converge ledger verify|log|copy}. */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    description = "Works on the ledger, in whatever store --ledger names.",
    subcommands = {LedgerCommand.Verify.class, LedgerCommand.Log.class, LedgerCommand.Copy.class})
final class LedgerCommand {

  private LedgerCommand() {}

  @Command(name = "verify", mixinStandardHelpOptions = true,
      description = "Checks the hash chain: edits, gaps and reordering; exits 1 naming the first broken record.",
      footer = {"", "Examples:", "  converge ledger verify --ledger .converge/ledger.jsonl",
          "  converge ledger verify --ledger git:.#origin"})
  static final class Verify implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Output.require(options.format, Output.formats(Format.text), "ledger verify");
      try (LedgerStore store = options.ledgerStore()) {
        if (store instanceof LedgerFile file && !Files.exists(file.path())) {
          throw new Converge.UsageException("no ledger file at " + file.path()
              + "; pass --ledger LOCATION or --repo DIR (the ledger is <repo>/.converge/ledger.jsonl)");
        }
        return report(store.verify(), spec);
      }
    }
  }

  static int report(LedgerVerification verification, CommandSpec spec) {
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

  @Command(name = "log", mixinStandardHelpOptions = true,
      description = {"Lists the records, oldest first: position, instant, type, what, the actor the record names"
          + " (deployment actor, approver) and the writer the store knows (git committer, database user)."},
      footer = {"", "Example:", "  converge ledger log --ledger git:.#origin"})
  static final class Log implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Output.require(options.format, Output.formats(Format.text), "ledger log");
      LedgerContents contents;
      try (LedgerStore store = options.ledgerStore()) {
        contents = store.read();
      }
      for (Problem problem : contents.problems()) {
        spec.commandLine().getErr().println(problem.render());
      }
      spec.commandLine().getErr().flush();
      PrintWriter out = spec.commandLine().getOut();
      for (LedgerLine line : contents.lines()) {
        LedgerRecord record = line.record();
        out.println(line.number() + "  " + record.at() + "  " + record.type() + "  " + what(record)
            + "  actor " + actor(record).orElse("-") + "  writer " + line.writer().orElse("-"));
      }
      out.flush();
      return contents.hasErrors() ? Converge.FOUND_ERRORS : 0;
    }
  }

  /** The actor a record names: who deployed, who approved; other records name none. */
  static Optional<String> actor(LedgerRecord record) {
    if (record instanceof Deployment d) {
      return d.actor();
    }
    if (record instanceof Approval a) {
      return Optional.of(a.approver());
    }
    return Optional.empty();
  }

  private static String what(LedgerRecord record) {
    if (record instanceof Deployment d) {
      return d.instance().stack() + " " + d.instance().component() + " " + shortRevision(d.revision()) + " "
          + d.outcome().word() + (d.destroy() ? " destroy" : "");
    }
    if (record instanceof CheckResult c) {
      return c.environment() + " " + c.check() + " " + shortRevision(c.revision()) + " " + c.outcome().word();
    }
    if (record instanceof Approval a) {
      return a.environment() + " " + shortRevision(a.revision());
    }
    if (record instanceof Hold h) {
      return h.environment() + h.component().map(c -> " " + c).orElse("") + " \"" + h.reason() + "\"";
    }
    if (record instanceof Release r) {
      return r.environment() + r.component().map(c -> " " + c).orElse("");
    }
    if (record instanceof BadRevision b) {
      return shortRevision(b.revision()) + " \"" + b.reason() + "\"";
    }
    if (record instanceof Drift d) {
      return d.instance().stack() + " " + d.instance().component() + " " + shortRevision(d.revision()) + " "
          + d.changes() + " changes";
    }
    return "";
  }

  private static String shortRevision(String revision) {
    return revision.length() > 12 ? revision.substring(0, 12) : revision;
  }

  @Command(name = "copy", mixinStandardHelpOptions = true,
      description = {"Copies the ledger at FROM into TO, line for line: verifies FROM's chain first, then TO's and"
          + " that TO reads back as FROM. TO must be empty or hold a beginning of FROM (a stopped copy resumes).",
          "Locations as for --ledger: a path, git:DIR[#REMOTE], postgresql://HOST/DB?…"},
      footer = {"", "Example:", "  converge ledger copy .converge/ledger.jsonl git:.#origin"})
  static final class Copy implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FROM", description = "The ledger to copy.")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "Where to copy it.")
    String to;

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      try (LedgerStore source = CommonOptions.openLedger(from, "FROM");
          LedgerStore target = CommonOptions.openLedger(to, "TO")) {
        LedgerCopy.Result result;
        try {
          result = LedgerCopy.copy(source, target);
        } catch (ConvergeException e) {
          if (e.problems().stream().noneMatch(p -> p.rule().equals("ledger-chain") || p.rule().equals("ledger-copy"))) {
            throw e;
          }
          e.problems().forEach(p -> spec.commandLine().getErr().println(p.render()));
          spec.commandLine().getErr().flush();
          return Converge.FOUND_ERRORS;
        }
        spec.commandLine().getOut().println("copied " + result.copied() + " records from " + source.location()
            + " to " + target.location() + " (" + result.alreadyThere() + " were there already); "
            + result.records() + " records, both chains intact");
        spec.commandLine().getOut().flush();
        return 0;
      }
    }
  }
}
