package dev.converge.yaml.internal.yaml;

import java.util.Set;
import java.util.TreeSet;

/**
 * The application tags Atmos accepts in stack manifests ({@code pkg/utils/yaml_utils.go},
 * {@code AtmosYamlTags}), and what the reader does with each. Any other {@code !tag} is a problem,
 * as it is in Atmos; the YAML core tags ({@code !!str} and the rest) are the schema's.
 */
public final class YamlTags {

  /** Replaced while the file is read, by what they include. */
  public static final Set<String> INCLUDES = Set.of(YamlFunction.INCLUDE, YamlFunction.INCLUDE_RAW);

  /** The value is kept exactly as written. */
  public static final String LITERAL = "!literal";

  /** A list appended to the list it is merged over. */
  public static final String APPEND = "!append";

  /** Kept as the string {@code "!tag argument"} and evaluated, or deferred, once a component is resolved. */
  public static final Set<String> FUNCTIONS = Set.of(
      "!exec", "!secret", "!store", "!store.get", "!template", "!terraform.output", "!terraform.state", "!env",
      "!cel", "!repo-root", "!git.root", "!git.sha", "!git.branch", "!git.ref", "!git.repository", "!git.owner",
      "!git.name", "!git.host", "!git.url", "!cwd", "!unset", "!random", "!aws.account_id",
      "!aws.caller_identity_arn", "!aws.caller_identity_user_id", "!aws.region", "!aws.organization_id",
      "!emulator", "!version", "!tags", "!labels", "!labels.keys", "!labels.values");

  private YamlTags() {}

  /** Every tag Atmos accepts, sorted, for a problem's fix. */
  public static String supported() {
    Set<String> all = new TreeSet<>(FUNCTIONS);
    all.addAll(INCLUDES);
    all.add(LITERAL);
    all.add(APPEND);
    return String.join(", ", all);
  }

  /** Whether {@code tag} is one of Atmos's (or a YAML core tag). */
  public static boolean known(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") || tag.startsWith("!!") || FUNCTIONS.contains(tag)
        || INCLUDES.contains(tag) || tag.equals(LITERAL) || tag.equals(APPEND);
  }
}
