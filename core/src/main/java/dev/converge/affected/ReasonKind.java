package dev.converge.affected;

/**
 * Why an instance is affected. The words follow {@code atmos describe affected} where Atmos has
 * one ({@code component}, {@code stack.vars}, {@code deleted}, ...).
 */
public enum ReasonKind {
  /** In head, not in base. */
  ADDED("added"),
  /** In base, not in head: deploying head destroys it. */
  DELETED("deleted"),
  /** Files of its component folder changed. */
  COMPONENT("component"),
  /** The vendored source of its folder changed (the folder's files, or its vendor.yaml entry). */
  VENDORED("vendored"),
  /** Its {@code metadata} changed: folder, enabled, locked, inherits. */
  METADATA("stack.metadata"),
  VARS("stack.vars"),
  ENV("stack.env"),
  SETTINGS("stack.settings"),
  BACKEND("stack.backend"),
  BACKEND_TYPE("stack.backend_type"),
  /** Its Terraform workspace or state key prefix changed: its state moves. */
  WORKSPACE("stack.workspace"),
  /** What it depends on changed. */
  DEPENDENCIES("stack.dependencies"),
  /** Its configuration digest changed in a section not compared on its own (providers, overrides, ...). */
  CONFIGURATION("stack.configuration"),
  /** Something it depends on is affected, directly or transitively. */
  DEPENDENCY("dependency");

  private final String word;

  ReasonKind(String word) {
    this.word = word;
  }

  /** The word of {@code converge affected} JSON. */
  public String word() {
    return word;
  }
}
