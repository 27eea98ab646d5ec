package dev.converge.runner.internal.terraform;

import dev.converge.model.Instance;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole environment of a Terraform process: the allow-listed variables of the host, then the
 * instance's {@code env} section (as Atmos passes it), then {@code TF_IN_AUTOMATION=1}, which
 * nothing overrides. Nothing else leaks through.
 */
public final class TerraformEnvironment {

  private TerraformEnvironment() {}

  public static Map<String, String> of(Map<String, String> host, Set<String> allowList, Instance instance) {
    Map<String, String> env = new TreeMap<>();
    host.forEach((name, value) -> {
      if (allowed(name, allowList)) {
        env.put(name, value);
      }
    });
    instance.env().forEach((name, value) -> {
      if (value != null) {
        env.put(name, String.valueOf(value));
      }
    });
    env.put("TF_IN_AUTOMATION", "1");
    return env;
  }

  static boolean allowed(String name, Set<String> allowList) {
    for (String entry : allowList) {
      if (entry.endsWith("*") ? name.startsWith(entry.substring(0, entry.length() - 1)) : name.equals(entry)) {
        return true;
      }
    }
    return false;
  }
}
