package dev.converge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.internal.value.FrozenMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InstanceTest {

  private static Instance.Builder vpc() {
    return Instance.builder().id(InstanceId.of("dev", "vpc")).folder("vpc").sourceDigest("s").configDigest("c");
  }

  @Test
  void build_entryByEntry_inOrder_andImmutable() {
    Instance instance = vpc().putVar("b", 1).putVar("a", 2).putAllVars(Map.of("c", 3)).addDependsOn(InstanceId.of("dev", "net"))
        .build();

    assertThat(instance.vars()).containsExactly(Map.entry("b", 1), Map.entry("a", 2), Map.entry("c", 3));
    assertThatThrownBy(() -> instance.vars().put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> instance.dependsOn().add(InstanceId.of("dev", "x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void build_aFrozenMap_keptAsItIs_anyOtherCopied() {
    FrozenMap frozen = FrozenMap.copyOf(Map.of("a", 1));
    Map<String, Object> mutable = new LinkedHashMap<>(Map.of("b", 2));
    List<InstanceId> ids = new ArrayList<>(List.of(InstanceId.of("dev", "net")));

    Instance instance = vpc().vars(frozen).env(mutable).dependsOn(ids).build();
    mutable.put("c", 3);
    ids.clear();

    assertThat(instance.vars()).isSameAs(frozen);
    assertThat(instance.env()).isEqualTo(Map.of("b", 2)).isInstanceOf(FrozenMap.class);
    assertThat(instance.dependsOn()).containsExactly(InstanceId.of("dev", "net"));
  }

  @Test
  void with_aMutableMap_isCopied() {
    Map<String, Object> mutable = new HashMap<>(Map.of("a", 1));

    Instance instance = vpc().build().withVars(mutable);
    mutable.put("a", 2);

    assertThat(instance.vars()).isEqualTo(Map.of("a", 1));
  }

  @Test
  void build_nullValues_refused_asTheyAlwaysWere() {
    Map<String, Object> withNull = new HashMap<>();
    withNull.put("a", null);

    assertThatThrownBy(() -> vpc().vars(withNull).build()).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("vars");
    assertThatThrownBy(() -> vpc().putEnv("a", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> vpc().build().withSettings(withNull)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void build_thenPutAgain_leavesTheBuiltInstanceAlone() {
    Instance.Builder builder = vpc().putVar("a", 1);
    Instance built = builder.build();

    builder.putVar("b", 2);

    assertThat(built.vars()).isEqualTo(Map.of("a", 1));
  }

  @Test
  void equality_sameContentHoweverGiven() {
    Instance byEntries = vpc().putVar("a", 1).backendType("s3").workspace("dev").build();
    Instance whole = vpc().vars(new HashMap<>(Map.of("a", 1))).backendType(java.util.Optional.of("s3"))
        .workspace(java.util.Optional.of("dev")).build();

    assertThat(byEntries).isEqualTo(whole).hasSameHashCodeAs(whole);
    assertThat(byEntries.withBackendType("gcs")).isNotEqualTo(whole);
  }

  private static Instance.Builder named(String stack, String component, String folder) {
    return Instance.builder().id(InstanceId.of(stack, component)).folder(folder).sourceDigest("s").configDigest("c");
  }

  @Test
  void contextPrefix_byDefault_isTheStackNameWithDashes() {
    assertThat(named("dev/us-east-1", "vpc", "vpc").build().contextPrefix()).isEqualTo("dev-us-east-1");
    assertThat(named("acme-ue1-dev", "vpc", "vpc").build().contextPrefix()).isEqualTo("acme-ue1-dev");
  }

  @Test
  void contextPrefix_setByTheLoader_takesNoPartInEquality() {
    Instance set = named("deploy/dev", "vpc", "vpc").contextPrefix("acme-dev").build();

    assertThat(set.contextPrefix()).isEqualTo("acme-dev");
    assertThat(set).isEqualTo(named("deploy/dev", "vpc", "vpc").build());
  }

  @Test
  void terraformWorkspace_resolvedByTheLoader_wins() {
    assertThat(named("dev/us-east-1", "vpc", "vpc").workspace("custom").build().terraformWorkspace()).isEqualTo("custom");
  }

  @Test
  void terraformWorkspace_folderNamedAfterComponent_isTheContextPrefix() {
    assertThat(named("dev/us-east-1", "vpc", "vpc").build().terraformWorkspace()).isEqualTo("dev-us-east-1");
  }

  @Test
  void terraformWorkspace_folderDiffersFromComponent_appendsTheComponentWithDashes() {
    assertThat(named("dev/us-east-1", "database", "database/v2").build().terraformWorkspace())
        .isEqualTo("dev-us-east-1-database");
    assertThat(named("dev/us-east-1", "infra/vpc", "vpc").build().terraformWorkspace())
        .isEqualTo("dev-us-east-1-infra-vpc");
  }

  @Test
  void defaultWorkspace_ofTheTrunkFolder_isWhatTheInstanceWouldHaveThere() {
    Instance onVersion = named("prod", "database", "database/v2").workspace("prod-database").build();

    assertThat(onVersion.defaultWorkspace("database")).isEqualTo("prod");
    assertThat(onVersion.defaultWorkspace("database/v1")).isEqualTo("prod-database");
  }

  @Test
  void stateKeyPrefix_loaderThenBackendThenFolder() {
    assertThat(named("dev", "db", "database/v2").workspaceKeyPrefix("db").build().stateKeyPrefix()).isEqualTo("db");
    assertThat(named("dev", "db", "database/v2").putBackend("workspace_key_prefix", "rds").build().stateKeyPrefix())
        .isEqualTo("rds");
    assertThat(named("dev", "db", "database/v2").build().stateKeyPrefix()).isEqualTo("database-v2");
  }
}
