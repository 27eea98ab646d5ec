package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.converge.model.DeferredValue;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The template function {@code atmos.Component "name" stack}: the configuration of a component of
 * the same stack is read while the stack loads; its Terraform outputs, another stack and a cycle
 * are the outside world, and the value is deferred.
 */
class AtmosComponentFunctionTest {

  @TempDir
  Path dir;

  @Test
  void component_readsTheConfigurationOfAComponentOfTheSameStack_andDefersOutputs() {
    RepoFiles files = RepoFiles.in(dir)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("    enabled: true", "    enabled: true\n    sprig: {enabled: true}"))
        .write("stacks/deploy/dev.yaml", """
            vars: {stage: dev, region: r}
            components:
              terraform:
                network:
                  settings: {cidr: 10.0.0.0/16}
                  vars:
                    name: "net-{{ .vars.stage }}"
                app:
                  vars:
                    cidr: '{{ (atmos.Component "network" .stack).settings.cidr }}'
                    name: '{{ (atmos.Component "network" .stack).vars.name }}'
                    subnets: !template '{{ toJson (atmos.Component "network" .stack).vars }}'
                    vpc_id: '{{ (atmos.Component "network" .stack).outputs.vpc_id }}'
                    elsewhere: '{{ (atmos.Component "network" "prod/r").vars.name }}'
                    missing: '{{ (atmos.Component "nothing" .stack).vars.name }}'
                ping:
                  vars:
                    peer: '{{ (atmos.Component "pong" .stack).vars.peer }}'
                pong:
                  vars:
                    peer: '{{ (atmos.Component "ping" .stack).vars.peer }}'
            """);

    AtmosSnapshot snapshot = AtmosRepository.open(files.root()).load();
    Map<String, Object> vars = snapshot.describeComponent("app", "dev/r").vars();

    assertThat(vars).containsEntry("cidr", "10.0.0.0/16").containsEntry("name", "net-dev")
        .containsEntry("subnets", Map.of("name", "net-dev", "stage", "dev", "region", "r"));
    assertThat(vars.get("vpc_id")).isInstanceOf(DeferredValue.class);
    assertThat(vars.get("elsewhere")).isInstanceOf(DeferredValue.class);
    assertThat(vars.get("missing")).isInstanceOf(DeferredValue.class);
    assertThat(snapshot.describeComponent("ping", "dev/r").vars().get("peer")).isInstanceOf(DeferredValue.class);
  }
}
