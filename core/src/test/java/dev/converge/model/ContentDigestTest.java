package dev.converge.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentDigestTest {

  static Map<String, Object> sample() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("name", "vpc");
    vars.put("cidr_block", "10.0.0.0/16");
    vars.put("enable_nat_gateway", true);
    vars.put("azs", List.of("us-east-1a", "us-east-1b"));
    vars.put("count", 3);
    vars.put("ratio", 0.5);
    vars.put("nothing", null);
    vars.put("tags", Map.of("team", "platform", "café", "ünïcode"));
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("vars", vars);
    config.put("backend_type", "s3");
    config.put("env", Map.of());
    return config;
  }

  @Test
  void ofConfiguration_sample_stableValue() {
    // the value recorded in ledgers: a change to the canonical form must not change it
    assertThat(ContentDigest.ofConfiguration(sample()))
        .isEqualTo("ae1131692f23afd1ae5e3210941fea0576c63823e0f5a58d65bec2dc018698f9");
  }

  @Test
  void ofConfiguration_keyOrder_sameDigest() {
    Map<String, Object> reversed = new LinkedHashMap<>();
    List<String> keys = List.copyOf(sample().keySet());
    for (int i = keys.size() - 1; i >= 0; i--) {
      reversed.put(keys.get(i), sample().get(keys.get(i)));
    }
    assertThat(ContentDigest.ofConfiguration(reversed)).isEqualTo(ContentDigest.ofConfiguration(sample()));
  }

  @Test
  void ofConfiguration_typesMatter_stringTwoIsNotNumberTwo() {
    assertThat(ContentDigest.ofConfiguration(Map.of("a", "2")))
        .isNotEqualTo(ContentDigest.ofConfiguration(Map.of("a", 2)));
  }

  @Test
  void ofConfiguration_integralNumbers_sameWhateverTheirJavaType() {
    assertThat(ContentDigest.ofConfiguration(Map.of("a", 2))).isEqualTo(ContentDigest.ofConfiguration(Map.of("a", 2L)))
        .isEqualTo(ContentDigest.ofConfiguration(Map.of("a", BigInteger.TWO)));
  }

  @Test
  void ofConfiguration_largeValue_sameAsSmallPiecesPut() {
    char[] big = new char[100_000];
    Arrays.fill(big, 'x');
    String text = new String(big);
    assertThat(ContentDigest.ofConfiguration(Map.of("a", text)))
        .isEqualTo(ContentDigest.sha256("{\"1:a\":\"100000:" + text + "\",}"))
        .hasSize(64);
  }

  @Test
  void ofConfiguration_nonStringKeys_renderedAsTheirText() {
    Map<Object, Object> numbered = new LinkedHashMap<>();
    numbered.put(2, "b");
    numbered.put(10, "a");
    // keys sort as text ("10" before "2"), exactly as the same map with string keys
    assertThat(ContentDigest.ofConfiguration(Map.of("m", numbered)))
        .isEqualTo(ContentDigest.ofConfiguration(Map.of("m", Map.of("2", "b", "10", "a"))))
        .isEqualTo(ContentDigest.sha256("{\"1:m\":{\"2:10\":\"1:a\",\"1:2\":\"1:b\",},}"));
  }

  @Test
  void ofConfiguration_keysRenderingAlike_laterOneWins() {
    Map<Object, Object> clash = new LinkedHashMap<>();
    clash.put(1, "number");
    clash.put("1", "text");
    assertThat(ContentDigest.ofConfiguration(Map.of("m", clash)))
        .isEqualTo(ContentDigest.ofConfiguration(Map.of("m", Map.of("1", "text"))));
  }

  @Test
  void digester_manyConfigurationsInARow_sameDigestsAsOneByOne() {
    Map<String, Object> large = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      large.put("key-" + i, "a value long enough to fill the buffer more than once " + i);
    }
    List<Map<String, Object>> configurations = List.of(sample(), Map.of(), large, Map.of("x", 2), sample(), large);
    ContentDigest.Digester digester = ContentDigest.digester();

    for (Map<String, Object> configuration : configurations) {
      assertThat(digester.ofConfiguration(configuration)).isEqualTo(ContentDigest.ofConfiguration(configuration));
    }
  }

  @Test
  void digester_sortedKeysOfAMap_sameDigestAsThatMapWithNullsForWhatItLacks() {
    Map<String, Object> sections = new LinkedHashMap<>(sample());
    sections.put("not_digested", "left out");
    List<String> keys = List.of("backend", "backend_type", "env", "vars", "workspace");
    Map<String, Object> restricted = new LinkedHashMap<>();
    keys.forEach(k -> restricted.put(k, sections.get(k))); // backend and workspace: null

    assertThat(ContentDigest.digester().ofConfiguration(keys, sections))
        .isEqualTo(ContentDigest.ofConfiguration(restricted))
        .isNotEqualTo(ContentDigest.ofConfiguration(sample()));
  }

  @Test
  void digester_keysNotSorted_refused() {
    ContentDigest.Digester digester = ContentDigest.digester();

    assertThatThrownBy(() -> digester.ofConfiguration(List.of("vars", "env"), sample()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
    assertThatThrownBy(() -> digester.ofConfiguration(List.of("env", "env"), sample()))
        .isInstanceOf(IllegalArgumentException.class);
    // the digester is fine afterwards
    assertThat(digester.ofConfiguration(sample())).isEqualTo(ContentDigest.ofConfiguration(sample()));
  }

  /**
   * Property: on configurations built from shared parts (the loader's shape), a digester gives the
   * digest of the canonical form as documented, written here the plain way: keys sorted with a
   * TreeMap, the text built in a StringBuilder, hashed whole.
   */
  @Test
  void digester_seededConfigurationsSharingParts_digestOfTheDocumentedCanonicalForm() {
    for (long seed = 1; seed <= 20; seed++) {
      java.util.Random random = new java.util.Random(seed);
      List<Object> pool = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        pool.add(value(random, pool, 3));
      }
      ContentDigest.Digester digester = ContentDigest.digester();
      List<String> keys = List.of("backend", "env", "providers", "vars", "workspace");
      for (int c = 0; c < 60; c++) {
        Map<String, Object> sections = new LinkedHashMap<>();
        for (String key : keys) {
          if (random.nextInt(5) > 0) {
            sections.put(key, random.nextBoolean() ? pool.get(random.nextInt(pool.size())) : value(random, pool, 3));
          }
        }
        Map<String, Object> restricted = new java.util.TreeMap<>();
        keys.forEach(k -> restricted.put(k, sections.get(k)));
        String expected = ContentDigest.sha256(canonical(sections));
        String described = "seed " + seed + ", configuration " + c;

        assertThat(digester.ofConfiguration(sections)).as(described).isEqualTo(expected);
        assertThat(ContentDigest.ofConfiguration(sections)).as(described).isEqualTo(expected);
        assertThat(digester.ofConfiguration(keys, sections)).as(described)
            .isEqualTo(ContentDigest.sha256(canonical(restricted)));
      }
    }
  }

  @Test
  void ofConfiguration_stringsWhoseLengthsHaveOneToSixDigits_writeEachLengthInDecimal() {
    for (int length : new int[] {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001, 9999, 10000, 99999, 100000, 123456}) {
      Map<String, Object> configuration = Map.of("vars", Map.of("k".repeat(length + 1), "v".repeat(length)));
      assertThat(ContentDigest.ofConfiguration(configuration)).as("length %d", length)
          .isEqualTo(ContentDigest.sha256(canonical(configuration)));
    }
  }

  @Test
  void comparisonDigester_seededConfigurations_sipHashOfTheSameCanonicalForm_equalExactlyWhenShaDigestsAre() {
    java.util.Random random = new java.util.Random(42);
    List<Object> pool = new java.util.ArrayList<>();
    for (int i = 0; i < 12; i++) {
      pool.add(value(random, pool, 3));
    }
    ContentDigest.Digester comparing = ContentDigest.comparisonDigester();
    ContentDigest.Digester ledger = ContentDigest.digester();
    java.util.Map<String, String> shaBySip = new java.util.HashMap<>();
    java.util.Map<String, String> sipBySha = new java.util.HashMap<>();
    for (int c = 0; c < 400; c++) {
      Map<String, Object> configuration = new LinkedHashMap<>();
      configuration.put("vars", random.nextInt(4) == 0 ? pool.get(random.nextInt(pool.size())) : value(random, pool, 2));
      byte[] form = canonical(configuration).getBytes(java.nio.charset.StandardCharsets.UTF_8);
      dev.converge.internal.digest.SipHash128 oracle = new dev.converge.internal.digest.SipHash128(
          "converge/compare".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      oracle.update(form, 0, form.length);

      String sip = comparing.ofConfiguration(configuration);
      String sha = ledger.ofConfiguration(configuration);

      assertThat(sip).as("configuration %d", c)
          .isEqualTo("siphash:" + java.util.HexFormat.of().formatHex(oracle.finish()))
          .startsWith(ContentDigest.COMPARISON_PREFIX)
          .isNotEqualTo(sha);
      assertThat(shaBySip.computeIfAbsent(sip, k -> sha)).as("configuration %d", c).isEqualTo(sha);
      assertThat(sipBySha.computeIfAbsent(sha, k -> sip)).as("configuration %d", c).isEqualTo(sip);
    }
    assertThat(shaBySip).hasSizeGreaterThan(100); // many distinct configurations, some repeated from the pool
  }

  private static Object value(java.util.Random random, List<Object> pool, int depth) {
    int kind = random.nextInt(depth > 0 ? 10 : 6);
    switch (kind) {
      case 0: return null;
      case 1: return random.nextBoolean();
      case 2: return random.nextInt(2_000_000) - 1000;
      case 3: return random.nextInt(1000) / 8.0;
      case 4: return random.nextInt(4) == 0 ? "é-" + "x".repeat(random.nextInt(700)) : "v" + random.nextInt(100);
      case 5: return random.nextInt(3) == 0 && !pool.isEmpty() ? pool.get(random.nextInt(pool.size())) : "text";
      case 6: case 7: {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = random.nextInt(4) == 0 ? 30 + random.nextInt(12) : random.nextInt(6);
        for (int i = 0; i < size; i++) {
          map.put("k" + random.nextInt(60), value(random, pool, depth - 1));
        }
        return map;
      }
      default: {
        List<Object> list = new java.util.ArrayList<>();
        for (int i = random.nextInt(5); i > 0; i--) {
          list.add(random.nextInt(3) == 0 && !pool.isEmpty() ? pool.get(random.nextInt(pool.size()))
              : value(random, pool, depth - 1));
        }
        return list;
      }
    }
  }

  /** The canonical form as the class documents it. */
  private static String canonical(Object value) {
    StringBuilder out = new StringBuilder();
    canonical(value, out);
    return out.toString();
  }

  private static void canonical(Object value, StringBuilder out) {
    if (value == null) {
      out.append('~');
    } else if (value instanceof String text) {
      out.append('"').append(text.length()).append(':').append(text).append('"');
    } else if (value instanceof Boolean) {
      out.append('B').append(value);
    } else if (value instanceof Integer || value instanceof Long) {
      out.append('N').append(value);
    } else if (value instanceof Number) {
      out.append('D').append(value);
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      new java.util.TreeMap<>(map).forEach((k, v) -> {
        canonical(k, out);
        out.append(':');
        canonical(v, out);
        out.append(',');
      });
      out.append('}');
    } else {
      out.append('[');
      for (Object element : (List<?>) value) {
        canonical(element, out);
        out.append(',');
      }
      out.append(']');
    }
  }
}
