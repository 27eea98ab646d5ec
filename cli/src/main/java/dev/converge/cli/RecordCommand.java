package dev.converge.cli;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Hold;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.ledger.Release;
import dev.converge.model.ComponentType;
import dev.converge.model.DesiredState;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import dev.converge.runner.ledger.LedgerEntry;
import dev.converge.runner.ledger.LedgerStore;
import dev.converge.runner.ledger.LedgerLine;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code converge record ...}: appends to the ledger. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = "Appends a record to the ledger: what was deployed, checked, approved, held, released or marked bad.",
    subcommands = {RecordCommand.DeploymentCommand.class, RecordCommand.CheckCommand.class,
        RecordCommand.ApprovalCommand.class, RecordCommand.HoldCommand.class, RecordCommand.ReleaseCommand.class,
        RecordCommand.BadCommand.class})
final class RecordCommand {

  private RecordCommand() {}

  /** Appends and says what was written. */
  abstract static class Append implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--id", paramLabel = "ID",
        description = "The record's id: an append with an id the ledger holds writes nothing, so a retried step"
            + " never records twice (default: derived from the record's content).")
    String id;

    abstract LedgerRecord record();

    @Override
    public Integer call() {
      Output.require(options.format, Output.formats(Format.text), "record");
      LedgerRecord record = record();
      LedgerLine line;
      try (LedgerStore store = options.ledgerStore()) {
        line = store.appendEntries(List.of(id == null ? LedgerEntry.of(record) : LedgerEntry.of(id, record))).get(0);
        spec.commandLine().getOut().println("recorded " + line.record().type() + " on line " + line.number()
            + " of " + store.location() + " (id " + line.id() + ")");
      }
      spec.commandLine().getOut().flush();
      return 0;
    }

    /** The commit id {@code revision} names (HEAD when absent). */
    String revisionId(String revision) {
      return options.repository().resolveRevision(revision == null ? "HEAD" : revision);
    }
  }

  @Command(name = "deployment", mixinStandardHelpOptions = true,
      description = "A deployment of one instance; folder and digests are computed from the repository at the revision.",
      footer = {"", "Example:", "  converge record deployment --stack dev/us-east-1 --component vpc --outcome success"})
  static final class DeploymentCommand extends Append {

    @Option(names = "--stack", paramLabel = "S", required = true)
    String stack;

    @Option(names = "--component", paramLabel = "C", required = true)
    String component;

    @Option(names = "--outcome", paramLabel = "success|failure", required = true, converter = OutcomeConverter.class)
    Outcome outcome;

    @Option(names = "--revision", paramLabel = "REV", description = "The revision deployed (default: HEAD).")
    String revision;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who deployed (default: $USER).")
    String actor;

    @Option(names = "--destroy", description = "The deployment destroyed the instance.")
    boolean destroy;

    @Override
    LedgerRecord record() {
      InstanceId id = InstanceId.of(stack, component);
      // the component alone, as plan loads it (its digests are those plan compares): in a large estate,
      // resolving every other component would be most of the work
      DesiredState desired = options.builder(Session.Load.PLANNING).components(Set.of(component)).build()
          .load(revision == null ? "HEAD" : revision).desiredState();
      // an abstract base is never deployed (and carries a comparison digest no record may hold)
      Instance instance = desired.instance(id).filter(i -> i.metadata().type() != ComponentType.ABSTRACT)
          .orElseThrow(() -> new ConvergeException(List.of(Problem.builder()
          .rule("unknown-instance").severity(Severity.ERROR).stack(stack).component(component)
          .message("no deployable instance " + id.render() + " at " + desired.revision().shortId())
          .fix("run `converge describe stacks` to list stacks and components").build())));
      return Deployment.builder()
          .at(options.now())
          .instance(id)
          .folder(instance.folder())
          .revision(desired.revision().id())
          .sourceDigest(instance.sourceDigest())
          .configDigest(instance.configDigest())
          .outcome(outcome)
          .actor(Optional.ofNullable(actor).or(() -> Optional.ofNullable(System.getenv("USER"))).orElse("unknown"))
          .destroy(destroy)
          .build();
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "The result of a check in an environment.",
      footer = {"", "Example:", "  converge record check --environment dev --check smoke --outcome success"})
  static final class CheckCommand extends Append {

    @Option(names = "--environment", paramLabel = "E", required = true)
    String environment;

    @Option(names = "--check", paramLabel = "NAME", required = true)
    String check;

    @Option(names = "--outcome", paramLabel = "success|failure", required = true, converter = OutcomeConverter.class)
    Outcome outcome;

    @Option(names = "--revision", paramLabel = "REV", description = "The revision checked (default: HEAD).")
    String revision;

    @Override
    LedgerRecord record() {
      return CheckResult.builder().at(options.now()).environment(environment).revision(revisionId(revision))
          .check(check).outcome(outcome).build();
    }
  }

  @Command(name = "approval", mixinStandardHelpOptions = true, description = "An approval to deploy a revision to an environment.",
      footer = {"", "Example:", "  converge record approval --environment prod --approver alice"})
  static final class ApprovalCommand extends Append {

    @Option(names = "--environment", paramLabel = "E", required = true)
    String environment;

    @Option(names = "--approver", paramLabel = "NAME", required = true)
    String approver;

    @Option(names = "--revision", paramLabel = "REV", description = "The revision approved (default: HEAD).")
    String revision;

    @Override
    LedgerRecord record() {
      return Approval.builder().at(options.now()).environment(environment).revision(revisionId(revision))
          .approver(approver).build();
    }
  }

  @Command(name = "hold", mixinStandardHelpOptions = true, description = "Stops the line in an environment, or for one component there.",
      footer = {"", "Example:", "  converge record hold --environment prod --component vpc --reason \"incident 42\""})
  static final class HoldCommand extends Append {

    @Option(names = "--environment", paramLabel = "E", required = true)
    String environment;

    @Option(names = "--component", paramLabel = "C", description = "Only this component (default: the whole environment).")
    String component;

    @Option(names = "--reason", paramLabel = "TEXT", required = true)
    String reason;

    @Override
    LedgerRecord record() {
      return Hold.builder().at(options.now()).environment(environment).component(Optional.ofNullable(component))
          .reason(reason).build();
    }
  }

  @Command(name = "release", mixinStandardHelpOptions = true, description = "Lifts a hold.",
      footer = {"", "Example:", "  converge record release --environment prod --component vpc"})
  static final class ReleaseCommand extends Append {

    @Option(names = "--environment", paramLabel = "E", required = true)
    String environment;

    @Option(names = "--component", paramLabel = "C", description = "Only this component (default: the whole environment).")
    String component;

    @Override
    LedgerRecord record() {
      return Release.builder().at(options.now()).environment(environment).component(Optional.ofNullable(component)).build();
    }
  }

  @Command(name = "bad", mixinStandardHelpOptions = true, description = "Marks a revision bad: it is never deployed further.",
      footer = {"", "Example:", "  converge record bad --revision abc123 --reason \"breaks NAT\""})
  static final class BadCommand extends Append {

    @Option(names = "--revision", paramLabel = "REV", required = true)
    String revision;

    @Option(names = "--reason", paramLabel = "TEXT", required = true)
    String reason;

    @Override
    LedgerRecord record() {
      return BadRevision.builder().at(options.now()).revision(revisionId(revision)).reason(reason).build();
    }
  }

  static final class OutcomeConverter implements ITypeConverter<Outcome> {
    @Override
    public Outcome convert(String value) {
      try {
        return Outcome.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not an outcome; use success or failure");
      }
    }
  }
}
