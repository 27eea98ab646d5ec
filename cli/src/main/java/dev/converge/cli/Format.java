package dev.converge.cli;

/** Output formats of {@code --format}. */
enum Format {
  text,
  json,
  markdown,
  mermaid,
  github
}
