package dev.converge.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The environment component templates see ({@code env}, {@code expandenv}): the load's, then
 * atmos.yaml's {@code templates.settings.env}, then the component's own
 * {@code settings.templates.settings.env}, as Atmos sets them while it renders (issue #2083).
 */
class TemplateEnvironmentTest {

  @TempDir
  Path dir;

  @Test
  void componentTemplates_seeTemplatesSettingsEnv_fromAtmosYamlAndTheComponent() {
    RepoFiles files = RepoFiles.in(dir)
        .write("atmos.yaml", RepoFiles.ATMOS_YAML.replace("    enabled: true", """
                enabled: true
                sprig: {enabled: true}
                env: {FROM_CONFIG: config, BOTH: config, NUMBER: 7}
            """.stripTrailing()))
        .write("stacks/deploy/dev.yaml", """
            vars: {stage: dev, region: r}
            components:
              terraform:
                vpc:
                  settings:
                    templates: {settings: {env: {FROM_COMPONENT: component, BOTH: component}}}
                  vars:
                    all: '{{ env "FROM_LOAD" }}-{{ env "FROM_CONFIG" }}-{{ env "FROM_COMPONENT" }}-{{ env "BOTH" }}'
                    number: '{{ env "NUMBER" }}'
                other:
                  vars:
                    all: '{{ env "FROM_LOAD" }}-{{ env "FROM_CONFIG" }}-{{ env "FROM_COMPONENT" }}-{{ env "BOTH" }}'
            """);

    AtmosSnapshot snapshot = AtmosRepository.builder(files.root()).environment(Map.of("FROM_LOAD", "load", "BOTH", "load"))
        .build().load();

    assertThat(snapshot.describeComponent("vpc", "dev/r").vars()).containsEntry("all", "load-config-component-component")
        .containsEntry("number", "7");
    assertThat(snapshot.describeComponent("other", "dev/r").vars()).containsEntry("all", "load-config--config");
  }
}
