package dev.converge.runner.internal.process;

/** Receives a process's output, line by line, as it comes. Called from reader threads. */
@FunctionalInterface
public interface LineSink {

  void line(boolean stderr, String text);
}
