package dev.converge.yaml.internal.atmos;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {

  private static final Map<String, Object> DATA = Map.of("vars", Map.of("stage", "dev", "n", 2L));

  @Test
  void render_lookups_withOrWithoutSpaces() {
    assertThat(Templates.render("{{ .vars.stage }}-{{.vars.n}}", DATA).text()).isEqualTo("dev-2");
  }

  @Test
  void render_missingValue_leftAsWrittenAndListed() {
    Templates.Rendered r = Templates.render("x-{{ .vars.tenant }}", DATA);

    assertThat(r.text()).isEqualTo("x-{{ .vars.tenant }}");
    assertThat(r.missing()).containsExactly(".vars.tenant");
  }

  @Test
  void render_functionsAndPipelines_unsupportedNotGuessed() {
    Templates.Rendered r = Templates.render("{{ .vars.stage | upper }}", DATA);

    assertThat(r.text()).isEqualTo("{{ .vars.stage | upper }}");
    assertThat(r.unsupported()).hasSize(1);
  }

  @Test
  void render_mapValue_isMissingNotRendered() {
    assertThat(Templates.render("{{ .vars }}", DATA).missing()).containsExactly(".vars");
  }
}
