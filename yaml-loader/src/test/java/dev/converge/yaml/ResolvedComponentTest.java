package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.converge.model.InstanceId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResolvedComponentTest {

  private static ResolvedComponent.Builder component() {
    return ResolvedComponent.builder().id(InstanceId.of("dev", "vpc")).type("terraform").manifest("deploy/dev")
        .folder("vpc").configDigest("c").isAbstract(false).enabled(true).locked(false);
  }

  @Test
  void build_mutableCollectionsGiven_copiedSoLaterEditsDoNotShow() {
    Map<String, Object> configuration = new LinkedHashMap<>();
    configuration.put("b", 1);
    configuration.put("a", 2);
    List<String> inheritance = new ArrayList<>(List.of("base"));
    List<InstanceId> dependsOn = new ArrayList<>(List.of(InstanceId.of("dev", "dns")));

    ResolvedComponent c = component().configuration(configuration).inheritance(inheritance).dependsOn(dependsOn)
        .build();
    configuration.put("c", 3);
    inheritance.add("other");
    dependsOn.clear();

    assertThat(c.configuration()).containsExactly(Map.entry("b", 1), Map.entry("a", 2));
    assertThat(c.inheritance()).containsExactly("base");
    assertThat(c.dependsOn()).containsExactly(InstanceId.of("dev", "dns"));
    assertThatThrownBy(() -> c.configuration().put("d", 4)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.configuration().entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> c.inheritance().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void equals_sameValuesWhateverTheMapsType() {
    Map<String, Object> linked = new LinkedHashMap<>(Map.of("vars", Map.of("a", 1)));
    ResolvedComponent one = component().configuration(linked).inheritance(List.of()).dependsOn(List.of()).build();
    ResolvedComponent two = component().configuration(Map.of("vars", Map.of("a", 1))).inheritance(new ArrayList<>())
        .dependsOn(List.of()).build();

    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one.configuration()).isEqualTo(Map.of("vars", Map.of("a", 1)));
    assertThat(one.withConfiguration(Map.of())).isNotEqualTo(one);
  }
}
