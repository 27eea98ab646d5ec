package dev.converge.yaml.internal.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Expected strings are what Go's fmt prints for the same format and values. */
class GoFmtTest {

  private static String f(String format, Object... args) {
    return GoFmt.sprintf(format, Arrays.asList(args));
  }

  @Nested
  class Integers {
    @ParameterizedTest(name = "{0} of {1} is [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "%d|42|[42]", "%5d|42|[   42]", "%-5d|42|[42   ]", "%05d|-42|[-0042]", "%+d|42|[+42]", "% d|42|[ 42]",
        "%x|255|[ff]", "%X|255|[FF]", "%#x|255|[0xff]", "%#08x|255|[0x000000ff]", "%o|8|[10]", "%#o|8|[010]",
        "%O|8|[0o10]", "%b|5|[101]", "%#b|5|[0b101]", "%c|65|[A]", "%q|65|['A']", "%U|128512|[U+1F600]",
        "%#U|65|[U+0041 'A']", "%.3d|7|[007]", "%8.3d|-7|[    -007]", "%.0d|0|[]", "%v|-3|[-3]", "%x|-255|[-ff]"})
    void sprintf_int(String format, long value, String expected) {
      assertThat("[" + f(format, value) + "]").isEqualTo(expected);
    }

    @Test
    void sprintf_bigInteger_asInt() {
      assertThat(f("%d %x", new BigInteger("18446744073709551615"), new BigInteger("255")))
          .isEqualTo("18446744073709551615 ff");
    }
  }

  @Nested
  class Strings {
    @ParameterizedTest(name = "{0} of {1} is [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "%s|hi|[hi]", "%10s|hi|[        hi]", "%-4s|hi|[hi  ]", "%.1s|hello|[h]", "%x|hi|[6869]", "%X|hi|[6869]",
        "% x|hi|[68 69]", "%#x|hi|[0x6869]", "%q|hi|[\"hi\"]", "%#q|hi|[`hi`]", "%v|hi|[hi]", "%5.2s|héllo|[   hé]"})
    void sprintf_string(String format, String value, String expected) {
      assertThat("[" + f(format, value) + "]").isEqualTo(expected);
    }

    @Test
    void quote_escapes() {
      assertThat(GoFmt.quote("a\"b\\c\n\t\u0001é\u00a0")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\x01é\\u00a0\"");
      assertThat(GoFmt.quoteToAscii("é")).isEqualTo("\"\\u00e9\"");
      assertThat(f("%+q", "é")).isEqualTo("\"\\u00e9\"");
    }
  }

  @Nested
  class Floats {
    @ParameterizedTest(name = "{0} of {1} is [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "%v|3.0|[3]", "%v|0.1|[0.1]", "%v|1e6|[1e+06]", "%v|100000|[100000]", "%v|123456789|[1.23456789e+08]",
        "%v|1e-5|[1e-05]", "%v|0.0001|[0.0001]", "%v|1.5e300|[1.5e+300]", "%v|0.000001234|[1.234e-06]",
        "%f|3.14159|[3.141590]", "%.2f|3.14159|[3.14]", "%8.3f|3.14159|[   3.142]", "%08.3f|-3.14159|[-003.142]",
        "%+.1f|2|[+2.0]", "%e|1234.5678|[1.234568e+03]", "%E|1234.5678|[1.234568E+03]", "%g|1e6|[1e+06]",
        "%G|1e-10|[1E-10]", "%.3g|3.14159|[3.14]", "%.3g|1234567|[1.23e+06]", "%g|0|[0]", "%.2f|2.675|[2.67]",
        "%.0f|2.5|[2]", "%.0f|3.5|[4]", "%6.2f|1|[  1.00]", "%v|-0.0|[-0]", "%F|1.5|[1.500000]", "%.1e|0|[0.0e+00]",
        "%v|2.5e-7|[2.5e-07]", "%v|1e21|[1e+21]", "%v|123456.5|[123456.5]"})
    void sprintf_float(String format, double value, String expected) {
      assertThat("[" + f(format, value) + "]").isEqualTo(expected);
    }

    @Test
    void sprintf_infinitiesAndNaN() {
      assertThat(f("%v %v %v %5.1f", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.NaN))
          .isEqualTo("+Inf -Inf NaN   NaN");
    }
  }

  @Nested
  class Errors {
    @Test
    void sprintf_badVerb_namesTypeAndValue() {
      assertThat(f("%d", "x")).isEqualTo("%!d(string=x)");
      assertThat(f("%s", 5)).isEqualTo("%!s(int=5)");
      assertThat(f("%t", 1.5)).isEqualTo("%!t(float64=1.5)");
      assertThat(f("%d", true)).isEqualTo("%!d(bool=true)");
      assertThat(f("%s", (Object) null)).isEqualTo("%!s(<nil>)");
      assertThat(f("%z", 1)).isEqualTo("%!z(int=1)");
    }

    @Test
    void sprintf_missingAndExtra() {
      assertThat(f("%d %d", 1)).isEqualTo("1 %!d(MISSING)");
      assertThat(f("%d", 1, "a", null)).isEqualTo("1%!(EXTRA string=a, <nil>)");
      assertThat(f("x%")).isEqualTo("x%!(NOVERB)");
      assertThat(f("%%")).isEqualTo("%");
      assertThat(f("%[2]d %[1]d", 1, 2)).isEqualTo("2 1");
      assertThat(f("%[3]d", 1)).isEqualTo("%!d(BADINDEX)");
      assertThat(f("%*d|%-*d", 4, 1, 3, 2)).isEqualTo("   1|2  ");
    }
  }

  @Nested
  class Collections {
    @Test
    void sprintf_mapsSortedAndListsSpaced() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("b", List.of("x", "y"));
      m.put("a", 1L);
      assertThat(f("%v", m)).isEqualTo("map[a:1 b:[x y]]");
      assertThat(f("%d", List.of(1L, 2L))).isEqualTo("[1 2]");
      assertThat(f("%v", Arrays.asList(1.5, null))).isEqualTo("[1.5 <nil>]");
      assertThat(f("%d", Arrays.asList("a", null))).isEqualTo("[%!d(string=a) <nil>]");
      assertThat(f("%T %T %T %T %T %T %T", m, List.of(), "s", 1L, 1.0, true, null))
          .isEqualTo("map[string]interface {} []interface {} string int float64 bool <nil>");
      assertThat(f("%3v", List.of(1L, 2L))).isEqualTo("[  1   2]");
    }
  }

  @Nested
  class Print {
    @Test
    void sprint_spacesOnlyBetweenNonStrings() {
      assertThat(GoFmt.sprint(List.of("a", 1L, 2L, "b"))).isEqualTo("a1 2b");
      assertThat(GoFmt.sprint(List.of("a", "b"))).isEqualTo("ab");
      assertThat(GoFmt.sprint(Arrays.asList(1L, null))).isEqualTo("1 <nil>");
    }

    @Test
    void sprintln_spacesAlwaysAndNewline() {
      assertThat(GoFmt.sprintln(List.of("a", "b", 1L))).isEqualTo("a b 1\n");
    }

    @Test
    void values_printTruthAndType() {
      assertThat(GoValues.print(2.0)).isEqualTo("2");
      assertThat(GoValues.print(null)).isEqualTo("<nil>");
      assertThat(GoValues.print(Map.of("k", true))).isEqualTo("map[k:true]");
      assertThat(GoValues.truth(0L)).isFalse();
      assertThat(GoValues.truth("")).isFalse();
      assertThat(GoValues.truth(List.of())).isFalse();
      assertThat(GoValues.truth(0.0)).isFalse();
      assertThat(GoValues.truth(null)).isFalse();
      assertThat(GoValues.truth(Map.of("a", 1))).isTrue();
      assertThat(GoValues.truth("0")).isTrue();
      assertThat(GoValues.typeName(new BigInteger("18446744073709551615"))).isEqualTo("uint64");
    }
  }
}
