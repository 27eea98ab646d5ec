package dev.converge.yaml.internal.source;

import dev.converge.diagnostic.SourceLocation;
import dev.converge.yaml.internal.problem.Problems;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict UTF-8 decoding of a repository's text files. YAML is Unicode: a byte sequence that is not
 * UTF-8 is a problem at the line and column of its first byte, never a replacement character (a
 * digest over replaced text would hide the damage).
 */
public final class Utf8 {

  private Utf8() {}

  /**
   * {@code bytes[0..length)} decoded, or empty after adding an {@code invalid-utf8} error at the first
   * bad byte of {@code path}.
   */
  public static Optional<String> decode(String path, byte[] bytes, int length, Problems problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) length + 1));
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int offset = in.position();
      problems.error("invalid-utf8", "invalid UTF-8: the byte sequence starting with 0x"
          + String.format("%02X", bytes[offset] & 0xff) + " (byte offset " + offset + ") is not UTF-8", locate(path, out.flip()),
          "save the file as UTF-8 (YAML files are Unicode text); remove or re-type the character here");
      return Optional.empty();
    }
    return Optional.of(out.flip().toString());
  }

  /** The place just after {@code before} (the text decoded so far): lines counted as YAML counts them. */
  static SourceLocation locate(String path, CharSequence before) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\n' || c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n')) {
        line++;
        column = 1;
      } else if (c != '\r' && !Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return SourceLocation.of(path, line, column);
  }
}
