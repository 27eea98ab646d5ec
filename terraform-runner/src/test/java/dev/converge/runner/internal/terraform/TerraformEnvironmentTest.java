package dev.converge.runner.internal.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TerraformEnvironmentTest {

  private static final Map<String, String> HOST = Map.of("PATH", "/bin", "HOME", "/root", "AWS_REGION", "us-east-1",
      "AWS_PROFILE", "dev", "AWSX", "no");

  private static Instance.Builder instance() {
    return Instance.builder().id(InstanceId.of("dev/a", "vpc")).folder("vpc").sourceDigest("s").configDigest("c");
  }

  @Test
  void of_allowList_passesOnlyListedNamesAndPrefixes() {
    assertThat(TerraformEnvironment.of(HOST, Set.of("PATH", "AWS_*"), instance().build())).containsExactlyEntriesOf(
        new java.util.TreeMap<>(Map.of("PATH", "/bin", "AWS_REGION", "us-east-1", "AWS_PROFILE", "dev", "TF_IN_AUTOMATION", "1")));
  }

  @Test
  void of_instanceEnv_overridesTheHost() {
    assertThat(TerraformEnvironment.of(HOST, Set.of("AWS_*"), instance().putEnv("AWS_PROFILE", "prod").putEnv("N", 3).build()))
        .containsEntry("AWS_PROFILE", "prod").containsEntry("N", "3");
  }

  @Test
  void of_tfInAutomation_cannotBeTurnedOff() {
    assertThat(TerraformEnvironment.of(Map.of("TF_IN_AUTOMATION", ""), Set.of("TF_*"),
        instance().putEnv("TF_IN_AUTOMATION", "0").build())).containsEntry("TF_IN_AUTOMATION", "1");
  }
}
