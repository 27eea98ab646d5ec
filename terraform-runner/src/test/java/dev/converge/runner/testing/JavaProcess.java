package dev.converge.runner.testing;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Starts a test main in a fresh JVM with the test class path: a real process for the ITs. */
public final class JavaProcess {

  private JavaProcess() {}

  /** The path of the running {@code java} binary. */
  public static String java() {
    return ProcessHandle.current().info().command()
        .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
  }

  /** The class path of this test JVM (Surefire and Failsafe set the real one). */
  public static String classPath() {
    return System.getProperty("java.class.path");
  }

  /** {@code java -cp <test class path> <quick-start flags> main args...}. */
  public static List<String> command(Class<?> main, String... args) {
    List<String> command = new ArrayList<>(List.of(java(), "-Xshare:auto", "-XX:TieredStopAtLevel=1",
        "-XX:+UseSerialGC", "-Xmx64m", "-cp", classPath(), main.getName()));
    command.addAll(List.of(args));
    return command;
  }
}
