package dev.converge.yaml.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

class CoreSchemaFastTest {

  private final ScalarResolver core = new CoreSchema().getScalarResolver();
  private final ScalarResolver fast = new CoreSchemaFast().getScalarResolver();

  /** The tails that make a first character into each non-string the core schema knows, and some that do not. */
  private static final List<String> TAILS = List.of("", "rue", "RUE", "alse", "ALSE", "ull", "ULL", "1", "12", ".5",
      "5e3", "x1F", "o17", "inf", "nan", "NaN", "{HOME}", "{ X:-y }", "<", "~", " ", "abc", "-", "0");

  @Test
  void resolve_everyFirstCharacterAndTail_asTheCoreSchemaDoes() {
    List<String> values = new ArrayList<>();
    for (char first = 0; first < 0x250; first++) {
      for (String tail : TAILS) {
        values.add(first + tail);
      }
    }
    values.addAll(List.of("", "true", "False", "null", "Null", "NULL", "~", " ", "<<", "${HOME}", ".inf", "-.Inf", ".NaN",
        "0x1f", "0o17", "+12", "-3.5e-2", "value-1-2", "team-3"));

    for (String value : values) {
      assertThat(fast.resolve(value, true)).as("implicit %s", value).isEqualTo(core.resolve(value, true));
      assertThat(fast.resolve(value, false)).as("explicit %s", value).isEqualTo(core.resolve(value, false));
    }
  }

  @Test
  void resolve_randomScalars_asTheCoreSchemaDoes() {
    String alphabet = "tfTFnNrueals01789.+-eExXoO~ $<{}:_aAbBzZ/é";
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      StringBuilder value = new StringBuilder();
      for (int n = random.nextInt(7); n > 0; n--) {
        value.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String v = value.toString();
      assertThat(fast.resolve(v, true)).as("implicit %s", v).isEqualTo(core.resolve(v, true));
    }
  }

  @Test
  void resolve_plainWords_areStrings() {
    assertThat(fast.resolve("vars", true)).isEqualTo(Tag.STR);
    assertThat(fast.resolve("true", true)).isEqualTo(Tag.BOOL);
    assertThat(fast.resolve("~", true)).isEqualTo(Tag.NULL);
  }
}
