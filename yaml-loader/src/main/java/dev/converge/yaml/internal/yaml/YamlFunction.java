package dev.converge.yaml.internal.yaml;

import dev.converge.diagnostic.SourceLocation;

/**
 * A YAML function that the loader replaces while it reads the file, before anything merges it:
 * {@code !include path [query]} and {@code !include.raw path [query]}. The reader leaves one in the
 * document where the tagged scalar was; the other Atmos functions it keeps as Atmos does, as the
 * string {@code "!tag argument"}.
 */
public record YamlFunction(String tag, String argument, SourceLocation location) {

  public static final String INCLUDE = "!include";
  public static final String INCLUDE_RAW = "!include.raw";

  /** The function as written: {@code !include config/dev.tfvars}. */
  public String text() {
    return argument.isEmpty() ? tag : tag + " " + argument;
  }
}
