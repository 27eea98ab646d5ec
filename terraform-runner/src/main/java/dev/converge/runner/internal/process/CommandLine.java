package dev.converge.runner.internal.process;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A program to run: its arguments (no shell), the folder to run it in, and its whole environment. */
public record CommandLine(List<String> args, Path directory, Map<String, String> environment) {

  public CommandLine {
    args = List.copyOf(args);
    environment = java.util.Collections.unmodifiableMap(new TreeMap<>(environment));
  }

  /** The subcommand, for messages: {@code plan}, {@code apply}, ... */
  public String subcommand() {
    return args.size() > 1 ? args.get(1) : args.get(0);
  }
}
