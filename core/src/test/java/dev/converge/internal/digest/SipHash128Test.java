package dev.converge.internal.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Against the reference implementation's vectors ({@code vectors.h}, {@code vectors_sip128}, from
 * github.com/veorq/SipHash): key 00 01 .. 0f, message 00 01 .. (length - 1).
 */
class SipHash128Test {

  private static final byte[] KEY = sequence(16);

  private static byte[] sequence(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) i;
    }
    return bytes;
  }

  @ParameterizedTest(name = "length {0}")
  @CsvSource({
      "0, a3817f04ba25a8e66df67214c7550293",
      "1, da87c1d86b99af44347659119b22fc45",
      "2, 8177228da4a45dc7fca38bdef60affe4",
      "3, 9c70b60c5267a94e5f33b6b02985ed51",
      "4, f88164c12d9c8faf7d0f6e7c7bcd5579",
      "5, 1368875980776f8854527a07690e9627",
      "6, 14eeca338b208613485ea0308fd7a15e",
      "7, a1f1ebbed8dbc153c0b84aa61ff08239",
      "8, 3b62a9ba6258f5610f83e264f31497b4",
      "9, 264499060ad9baabc47f8b02bb6d71ed",
      "12, d626b266905ef35882634df68532c125",
      "16, 6ee2a4ca67b054bbfd3315bf85230577",
      "31, 2939b0183223fafc1723de4f52c43d35",
      "62, 5853542321f567a005d547a4f04759bd",
      "63, 5150d1772f50834a503e069a973fbd7c"})
  void finish_referenceVector(int length, String expected) {
    SipHash128 hash = new SipHash128(KEY);
    hash.update(sequence(length), 0, length);

    assertThat(HexFormat.of().formatHex(hash.finish())).isEqualTo(expected);
  }

  @Test
  void update_inPiecesOfAnySize_sameAsAtOnce() {
    Random random = new Random(20261204L);
    for (int round = 0; round < 200; round++) {
      byte[] message = new byte[random.nextInt(300)];
      random.nextBytes(message);
      SipHash128 whole = new SipHash128(KEY);
      whole.update(message, 0, message.length);
      SipHash128 pieces = new SipHash128(KEY);
      int at = 0;
      while (at < message.length) {
        int take = Math.min(message.length - at, random.nextInt(20));
        pieces.update(message, at, take);
        at += take;
      }

      assertThat(pieces.finish()).as("round %d, %d bytes", round, message.length).isEqualTo(whole.finish());
    }
  }

  @Test
  void finish_resets_theNextHashStartsAfresh() {
    SipHash128 hash = new SipHash128(KEY);
    hash.update(sequence(40), 0, 40);
    hash.finish();

    assertThat(HexFormat.of().formatHex(hash.finish())).isEqualTo("a3817f04ba25a8e66df67214c7550293");
  }
}
