package dev.converge.cli;

import dev.converge.runner.ledger.LedgerStore;
import dev.converge.yaml.AtmosRepository;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The options every command takes: {@code --repo}, {@code --config-path}, {@code --ledger},
 * {@code --at}, {@code --format}; and the process environment, which {@link Converge#run} passes.
 */
final class CommonOptions {

  @Option(names = "--repo", paramLabel = "DIR", defaultValue = ".",
      description = "The Atmos repository: the folder of atmos.yaml and rollout.yaml (default: ${DEFAULT-VALUE}).")
  Path repo;

  @Option(names = "--config-path", paramLabel = "PATH",
      description = "atmos.yaml, or the folder that holds it, relative to --repo unless absolute (default: "
          + "$ATMOS_CLI_CONFIG_PATH, else <repo>/atmos.yaml, else atmos.yaml at the git root).")
  Path configPath;

  @Option(names = "--allow-exec",
      description = "Run the commands of !exec YAML functions while the stacks load (without a shell, in the "
          + "repository, with this process's environment); without it they are deferred values.")
  boolean allowExec;

  /** The process environment ({@code ATMOS_CLI_CONFIG_PATH}, {@code ATMOS_BASE_PATH}), read at the edge. */
  Map<String, String> environment = Map.of();

  /** The progress line on stderr, which {@link Converge#main} sets up when stderr is a terminal. */
  Progress progress = Progress.OFF;

  @Option(names = "--ledger", paramLabel = "LOCATION",
      description = "Where the ledger is kept: a file's path (or file:PATH), git:DIR[#REMOTE] (the ref refs/converge/ledger"
          + " of the repository at DIR, kept on REMOTE), or postgresql://HOST/DB?user=…[&table=T]"
          + " (default: <repo>/.converge/ledger.jsonl; see docs/ledger-stores.md).")
  String ledger;

  @Option(names = "--at", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Answer as of this instant, ISO-8601 such as 2026-11-27T10:00:00Z (default: now).")
  Instant at;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text, json, markdown or mermaid (each command says which it takes); plan also takes github (default: ${DEFAULT-VALUE}).")
  Format format;

  /** The repository with this command line's config path and environment, loading everything. */
  AtmosRepository repository() {
    return builder(Session.Load.FULL).build();
  }

  /** The repository's builder, set up to load what {@code load} says a command needs. */
  AtmosRepository.Builder builder(Session.Load load) {
    boolean planning = load != Session.Load.FULL;
    AtmosRepository.Builder builder = AtmosRepository.builder(repo).environment(environment).allowExec(allowExec)
        .progress(progress).comparisonDigests(load == Session.Load.COMPARING).outlineAbstractBases(planning)
        .describeMaps(!planning).reuseParses(load == Session.Load.COMPARING);
    if (configPath != null) {
      builder.configPath(configPath);
    }
    return builder;
  }

  /** The ledger's location: {@code --ledger}, else the file {@code <repo>/.converge/ledger.jsonl}. */
  String ledgerLocation() {
    return ledger != null ? ledger : repo.resolve(".converge").resolve("ledger.jsonl").toString();
  }

  /** Opens the ledger's store; a malformed location is bad usage. */
  LedgerStore ledgerStore() {
    return openLedger(ledgerLocation(), "--ledger");
  }

  static LedgerStore openLedger(String location, String option) {
    try {
      return LedgerStore.open(location);
    } catch (IllegalArgumentException e) {
      throw new Converge.UsageException(option + ": " + e.getMessage());
    }
  }

  /** The instant to answer for: {@code --at}, else the clock (read here, at the edge, never in the engine). */
  Instant now() {
    return at != null ? at : Instant.now();
  }

  static final class InstantConverter implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      try {
        return java.time.OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not an instant; write ISO-8601 with an offset, e.g. 2026-11-27T10:00:00Z");
      }
    }
  }
}
