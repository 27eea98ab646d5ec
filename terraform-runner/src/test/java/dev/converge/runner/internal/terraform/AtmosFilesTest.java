package dev.converge.runner.internal.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.model.DeferredValue;
import dev.converge.model.Instance;
import dev.converge.model.InstanceId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtmosFilesTest {

  private static Instance.Builder instance(String stack, String component, String folder) {
    return Instance.builder().id(InstanceId.of(stack, component)).folder(folder).sourceDigest("s").configDigest("c");
  }

  @Test
  void varFileName_stackWithSlashes_replacesThemWithDashes() {
    assertThat(AtmosFiles.varFileName(instance("prod/us-east-1", "vpc", "vpc").build()))
        .isEqualTo("prod-us-east-1-vpc.terraform.tfvars.json");
  }

  @Test
  void varFileName_stackFromNamePattern_isUsedAsItIs() {
    assertThat(AtmosFiles.varFileName(instance("acme-ue1-dev", "vpc", "vpc").build())).isEqualTo("acme-ue1-dev-vpc.terraform.tfvars.json");
  }

  @Test
  void varFileName_componentWithFolderPrefix_replacesItsSlashToo() {
    assertThat(AtmosFiles.varFileName(instance("dev/us-east-1", "infra/vpc", "infra/vpc").build()))
        .isEqualTo("dev-us-east-1-infra-vpc.terraform.tfvars.json");
  }

  @Test
  void planFileName_isNamedLikeAtmos() {
    assertThat(AtmosFiles.planFileName(instance("dev/us-east-1", "vpc", "vpc").build())).isEqualTo("dev-us-east-1-vpc.planfile");
  }

  @Test
  void varFileName_contextPrefixFromTheLoader_namesTheFile() {
    assertThat(AtmosFiles.varFileName(instance("deploy/dev", "vpc", "vpc").contextPrefix("acme-dev").build()))
        .isEqualTo("acme-dev-vpc.terraform.tfvars.json");
  }

  @Test
  void write_deferredYamlFunctionInVars_refusedNamingItsPathAndNothingWritten(@TempDir Path folder) {
    Instance instance = instance("dev/a", "vpc", "vpc").putVar("ok", 1)
        .putVar("peers", List.of("x", DeferredValue.of("!terraform.output", "network vpc_id"))).build();

    assertThatThrownBy(() -> AtmosFiles.write(folder, instance))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vars.peers[1] is the YAML function `!terraform.output network vpc_id`");
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void varFileJson_nestedMaps_haveSortedKeys() {
    String json = AtmosFiles.varFileJson(instance("dev/a", "vpc", "vpc")
        .putVar("zeta", 1).putVar("alpha", Map.of("y", List.of(1, 2), "b", true)).build());

    assertThat(json.replaceAll("\\s", "")).isEqualTo("{\"alpha\":{\"b\":true,\"y\":[1,2]},\"zeta\":1}");
  }

  @Test
  void backendJson_wrapsTheMapInTerraformBackendType() {
    assertThat(AtmosFiles.backendJson("s3", Map.of("bucket", "b", "key", "k")).replaceAll("\\s", ""))
        .isEqualTo("{\"terraform\":{\"backend\":{\"s3\":{\"bucket\":\"b\",\"key\":\"k\"}}}}");
  }
}
