package dev.converge.lint;

import dev.converge.diagnostic.Severity;

/** Every lint rule: its stable id, its severity and what it checks. {@code docs/rules.md} is kept equal to this list. */
public enum LintRule {
  STATE_KEY_STABILITY("state-key-stability", Severity.ERROR,
      "an instance on another folder than its trunk folder keeps the trunk instance's workspace_key_prefix and workspace"),
  SETTINGS_WORKSPACE_KEY_PREFIX("settings-workspace-key-prefix", Severity.WARNING,
      "settings.workspace_key_prefix is set, which Atmos never reads"),
  STACK_ENVIRONMENT("stack-environment", Severity.ERROR,
      "a stack matches no environment of the pipeline, or more than one"),
  EXPERIMENT_IN_PRODUCTION("experiment-in-production", Severity.ERROR,
      "a production environment references an experiment folder"),
  DIVERGENCE_WITHOUT_DATE("divergence-without-date", Severity.WARNING,
      "a planned divergence declares no converge_by date"),
  DIVERGENCE_OVERDUE("divergence-overdue", Severity.WARNING,
      "a planned divergence is past its converge_by date"),
  DIVERGENCE_UNKNOWN_TARGET("divergence-unknown-target", Severity.WARNING,
      "a divergence in rollout.yaml names a component or environment that does not exist"),
  COMPONENT_FOLDER_MISSING("component-folder-missing", Severity.ERROR,
      "metadata.component names a folder that does not exist and is not a vendor.yaml target"),
  VENDOR_VERSION_MISMATCH("vendor-version-mismatch", Severity.ERROR,
      "a pinned folder's name and its vendor.yaml entry's version disagree"),
  STRICT_PIN_BEHIND("strict-pin-behind", Severity.INFO,
      "a strict pin has newer versions available in the repository"),
  UNKNOWN_RELEASE_TRACK("unknown-release-track", Severity.ERROR,
      "settings.release_track or a <track>/<component> folder names a track rollout.yaml does not list"),
  DEPENDS_ON_UNKNOWN("depends-on-unknown", Severity.ERROR,
      "settings.depends_on names a component that does not exist"),
  DEPENDENCY_CYCLE("dependency-cycle", Severity.ERROR,
      "settings.depends_on forms a cycle"),
  INHERITS_MISSING_BASE("inherits-missing-base", Severity.ERROR,
      "metadata.inherits names a component that does not exist in the stack"),
  INHERITS_REAL_BASE("inherits-real-base", Severity.WARNING,
      "metadata.inherits names a real (deployed) component where an abstract base was meant"),
  ABSTRACT_REFERENCED_AS_DEPLOYABLE("abstract-referenced-as-deployable", Severity.ERROR,
      "an abstract component is named where a deployable one is needed (depends_on, metadata.component)");

  private final String id;
  private final Severity severity;
  private final String summary;

  LintRule(String id, Severity severity, String summary) {
    this.id = id;
    this.severity = severity;
    this.summary = summary;
  }

  /** The stable kebab-case id. */
  public String id() {
    return id;
  }

  public Severity severity() {
    return severity;
  }

  /** One line: what the rule checks. */
  public String summary() {
    return summary;
  }
}
