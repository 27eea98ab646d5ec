package dev.converge.runner.internal.terraform;

import java.util.ArrayList;
import java.util.List;

/** The argument lists of each step, exactly; never a shell string. */
public final class TerraformCommands {

  private TerraformCommands() {}

  public static List<String> init(String binary) {
    return List.of(binary, "init", "-reconfigure", "-input=false");
  }

  public static List<String> workspace(String binary, String workspace) {
    return List.of(binary, "workspace", "select", "-or-create", workspace);
  }

  public static List<String> plan(String binary, String varFile, String planFile, boolean destroy) {
    List<String> args = new ArrayList<>(List.of(binary, "plan"));
    if (destroy) {
      args.add("-destroy");
    }
    args.addAll(List.of("-input=false", "-no-color", "-detailed-exitcode", "-var-file=" + varFile, "-out=" + planFile));
    return List.copyOf(args);
  }

  public static List<String> show(String binary, String planFile) {
    return List.of(binary, "show", "-json", planFile);
  }

  public static List<String> apply(String binary, String planFile) {
    return List.of(binary, "apply", "-input=false", "-no-color", planFile);
  }
}
