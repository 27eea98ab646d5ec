package dev.converge.runner;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/** How the runner runs Terraform: which binary, where the component folders are, limits and what to pass through. */
@Value.Immutable
public interface RunnerOptions extends WithRunnerOptions {

  /** The variables passed through from the runner's environment unless the caller says otherwise. */
  Set<String> DEFAULT_PASS_ENVIRONMENT =
      Set.of("PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "TF_PLUGIN_CACHE_DIR", "TF_CLI_CONFIG_FILE");

  /** Variable names whose values are masked in the output, case-insensitive. */
  String DEFAULT_SENSITIVE_NAMES = "(?i).*(password|passwd|secret|token|private_key|api_key|access_key|credential).*";

  /** {@code terraform} or {@code tofu}, by name (looked up in {@code PATH}) or by path. */
  @Value.Default
  default String binary() {
    return "terraform";
  }

  /** Atmos {@code components.terraform.base_path}: the folder that holds the component folders. */
  Path componentsBasePath();

  /** At most this many instances run at once ({@code max_parallel}); instances sharing a folder run one after another. */
  @Value.Default
  default int maxParallel() {
    return 1;
  }

  /** A step (init, workspace, plan, show, apply) still running after this long is ended, its whole process tree. */
  @Value.Default
  default Duration stepTimeout() {
    return Duration.ofMinutes(30);
  }

  /** How long a process tree may take to stop after SIGTERM before it is killed. */
  @Value.Default
  default Duration killGrace() {
    return Duration.ofSeconds(10);
  }

  /** Plan and summarise, never apply. */
  @Value.Default
  default boolean planOnly() {
    return false;
  }

  /**
   * The allow-list of environment variables passed from {@link #hostEnvironment()} to Terraform: exact
   * names, or prefixes ending in {@code *} ({@code AWS_*}). Everything else is withheld;
   * {@code TF_IN_AUTOMATION=1} is always set.
   */
  @Value.Default
  @SuppressWarnings("immutables:untype")
  default Set<String> passEnvironment() {
    return DEFAULT_PASS_ENVIRONMENT;
  }

  /** The environment the allow-list draws from; the runner's own by default. */
  @Value.Default
  @Value.Auxiliary
  @SuppressWarnings("immutables:untype")
  default Map<String, String> hostEnvironment() {
    return System.getenv();
  }

  /** A regular expression over variable names: the values of matching vars and env entries are masked. */
  @Value.Default
  default String sensitiveNames() {
    return DEFAULT_SENSITIVE_NAMES;
  }

  /** More values to mask wherever they appear. */
  @Value.Auxiliary
  Set<String> secrets();

  /** Who deploys, as recorded in the ledger ({@code actor}). */
  Optional<String> actor();

  /** The clock that dates ledger records. */
  @Value.Default
  @Value.Auxiliary
  default Clock clock() {
    return Clock.systemUTC();
  }

  @Value.Check
  default void check() {
    if (binary().isBlank()) {
      throw new IllegalArgumentException("binary must not be blank");
    }
    if (maxParallel() < 1) {
      throw new IllegalArgumentException("maxParallel (" + maxParallel() + ") must be at least 1");
    }
    if (stepTimeout().isNegative() || stepTimeout().isZero()) {
      throw new IllegalArgumentException("stepTimeout (" + stepTimeout() + ") must be positive");
    }
    if (killGrace().isNegative()) {
      throw new IllegalArgumentException("killGrace (" + killGrace() + ") must not be negative");
    }
    java.util.regex.Pattern.compile(sensitiveNames());
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableRunnerOptions.Builder {
    Builder() {}
  }
}
