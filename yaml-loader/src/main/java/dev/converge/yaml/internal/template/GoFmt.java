package dev.converge.yaml.internal.template;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprintf}, {@code Sprint} and {@code Sprintln} over the package's values, as far
 * as YAML values need them.
 *
 * <p>How: a format is scanned once, as Go's {@code doPrintf} scans it: flags ({@code #0+- }), an
 * optional argument index {@code [n]}, width and precision (digits or {@code *}), then the verb.
 * Each argument is printed by its Go type ({@link GoValues#typeName}); a verb the type does not
 * take prints Go's {@code %!d(string=x)}, a missing argument {@code %!d(MISSING)} and unused ones
 * {@code %!(EXTRA type=value, ...)}. Maps print their keys sorted and lists their elements with
 * the verb applied to each element, as Go's {@code printValue} does. Floats are formatted from
 * their exact binary value with round-half-even ({@code strconv}'s rounding), {@code %v} and
 * {@code %g} from the shortest decimal that reads back as the same double.
 *
 * <p>Not supported (Go's values they need do not occur in YAML): {@code %p}, {@code %x} on floats,
 * {@code %#v} Go-syntax (printed as {@code %v}), {@code %w}.
 */
public final class GoFmt {

  private static final String LOWER = "0123456789abcdefx";
  private static final String UPPER = "0123456789ABCDEFX";
  private static final int MAX_WIDTH = 1_000_000;

  private GoFmt() {}

  /** Go's {@code fmt.Sprintf(format, args...)}. */
  public static String sprintf(String format, List<Object> args) {
    Printer p = new Printer();
    p.doPrintf(format, args);
    return p.buf.toString();
  }

  /** Go's {@code fmt.Sprint(args...)}: spaces between operands when neither is a string. */
  public static String sprint(List<Object> args) {
    Printer p = new Printer();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        p.buf.append(' ');
      }
      p.printArg(arg, 'v');
      prevString = isString;
    }
    return p.buf.toString();
  }

  /** Go's {@code fmt.Sprintln(args...)}: spaces between all operands and a newline. */
  public static String sprintln(List<Object> args) {
    Printer p = new Printer();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) {
        p.buf.append(' ');
      }
      p.printArg(args.get(i), 'v');
    }
    p.buf.append('\n');
    return p.buf.toString();
  }

  /** Go's {@code strconv.Quote}: a double-quoted string with Go's escapes. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s, '"', false);
    return b.toString();
  }

  /** Go's {@code strconv.QuoteToASCII}. */
  public static String quoteToAscii(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2);
    appendQuoted(b, s, '"', true);
    return b.toString();
  }

  // ---- strconv quoting

  private static void appendQuoted(StringBuilder b, String s, char quote, boolean ascii) {
    b.append(quote);
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      if (Character.isSurrogate((char) r) && r < 0x10000) {
        r = 0xFFFD;
      }
      appendEscapedRune(b, r, quote, ascii);
    }
    b.append(quote);
  }

  private static void appendEscapedRune(StringBuilder b, int r, char quote, boolean ascii) {
    if (r == quote || r == '\\') {
      b.append('\\').appendCodePoint(r);
      return;
    }
    if (ascii ? r < 0x80 && isPrint(r) : isPrint(r)) {
      b.appendCodePoint(r);
      return;
    }
    switch (r) {
      case 7: b.append("\\a"); return;
      case '\b': b.append("\\b"); return;
      case '\f': b.append("\\f"); return;
      case '\n': b.append("\\n"); return;
      case '\r': b.append("\\r"); return;
      case '\t': b.append("\\t"); return;
      case 11: b.append("\\v"); return;
      default:
        break;
    }
    if (r < ' ' || r == 0x7f) {
      b.append("\\x");
      hex(b, r, 2);
    } else if (r < 0x10000) {
      b.append("\\u");
      hex(b, r, 4);
    } else {
      b.append("\\U");
      hex(b, r, 8);
    }
  }

  private static void hex(StringBuilder b, int v, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      b.append(LOWER.charAt((v >> shift) & 0xF));
    }
  }

  /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space. */
  static boolean isPrint(int r) {
    if (r < 0x80) {
      return r >= 0x20 && r < 0x7f;
    }
    switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER: case Character.LOWERCASE_LETTER:
      case Character.TITLECASE_LETTER: case Character.MODIFIER_LETTER: case Character.OTHER_LETTER:
      case Character.NON_SPACING_MARK: case Character.ENCLOSING_MARK:
      case Character.COMBINING_SPACING_MARK:
      case Character.DECIMAL_DIGIT_NUMBER: case Character.LETTER_NUMBER: case Character.OTHER_NUMBER:
      case Character.CONNECTOR_PUNCTUATION: case Character.DASH_PUNCTUATION:
      case Character.START_PUNCTUATION: case Character.END_PUNCTUATION:
      case Character.INITIAL_QUOTE_PUNCTUATION: case Character.FINAL_QUOTE_PUNCTUATION:
      case Character.OTHER_PUNCTUATION:
      case Character.MATH_SYMBOL: case Character.CURRENCY_SYMBOL: case Character.MODIFIER_SYMBOL:
      case Character.OTHER_SYMBOL:
        return true;
      default:
        return false;
    }
  }

  private static boolean canBackquote(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < ' ' && c != '\t') || c == '`' || c == 0x7f || c == '\uFEFF' || Character.isSurrogate(c)
          && !(Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
          && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)))) {
        return false;
      }
    }
    return true;
  }

  // ---- floats

  /** A decimal 0.d1d2...dn x 10^dp with no trailing zeros in d (empty for zero). */
  private static final class Decimal {
    final String d;
    final int dp;

    Decimal(String d, int dp) {
      this.d = d;
      this.dp = dp;
    }

    static Decimal of(BigDecimal abs) {
      if (abs.signum() == 0) {
        return new Decimal("", 0);
      }
      BigDecimal stripped = abs.stripTrailingZeros();
      String digits = stripped.unscaledValue().toString();
      return new Decimal(digits, digits.length() - stripped.scale());
    }

    static Decimal shortest(double abs) {
      if (abs == 0) {
        return new Decimal("", 0);
      }
      BigDecimal exact = new BigDecimal(abs);
      for (int p = 1; p < 17; p++) {
        BigDecimal r = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (r.doubleValue() == abs) {
          return of(r);
        }
      }
      return of(exact.round(new MathContext(17, RoundingMode.HALF_EVEN)));
    }

    static Decimal rounded(double abs, int significant) {
      if (abs == 0) {
        return new Decimal("", 0);
      }
      return of(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
    }

    char digit(int i) {
      return i >= 0 && i < d.length() ? d.charAt(i) : '0';
    }
  }

  private static void fmtE(StringBuilder b, Decimal x, int prec, char e) {
    b.append(x.d.isEmpty() ? '0' : x.d.charAt(0));
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(x.digit(i));
      }
    }
    b.append(e);
    int exp = x.d.isEmpty() ? 0 : x.dp - 1;
    b.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      b.append('0');
    }
    b.append(exp);
  }

  private static void fmtF(StringBuilder b, Decimal x, int prec) {
    if (x.dp > 0) {
      for (int i = 0; i < x.dp; i++) {
        b.append(x.digit(i));
      }
    } else {
      b.append('0');
    }
    if (prec > 0) {
      b.append('.');
      for (int i = 1; i <= prec; i++) {
        b.append(x.digit(x.dp + i - 1));
      }
    }
  }

  /** strconv.FormatFloat(abs, verb, prec, 64) for a non-negative finite value; prec -1 is shortest. */
  private static void formatAbs(StringBuilder b, double abs, char verb, int prec) {
    switch (verb) {
      case 'e': case 'E': {
        Decimal x = prec < 0 ? Decimal.shortest(abs) : Decimal.rounded(abs, prec + 1);
        fmtE(b, x, prec < 0 ? Math.max(x.d.length() - 1, 0) : prec, verb);
        return;
      }
      case 'f': {
        if (prec < 0) {
          Decimal x = Decimal.shortest(abs);
          fmtF(b, x, Math.max(x.d.length() - x.dp, 0));
        } else {
          Decimal x = Decimal.of(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
          fmtF(b, x, prec);
        }
        return;
      }
      default: { // g, G
        boolean shortest = prec < 0;
        int p = prec == 0 ? 1 : prec;
        Decimal x = shortest ? Decimal.shortest(abs) : Decimal.rounded(abs, p);
        int nd = x.d.length();
        if (shortest) {
          p = nd;
        }
        int eprec = p;
        if (eprec > nd && nd >= x.dp) {
          eprec = nd;
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = nd == 0 ? 0 : x.dp - 1;
        if (nd != 0 && (exp < -4 || exp >= eprec)) {
          if (p > nd) {
            p = nd;
          }
          fmtE(b, x, Math.max(p - 1, 0), verb == 'G' ? 'E' : 'e');
          return;
        }
        if (p > x.dp) {
          p = nd;
        }
        fmtF(b, x, Math.max(p - x.dp, 0));
      }
    }
  }

  /** Go's %v of a float64 (shortest, exponent from 1e+21 and below 1e-4 as %g does). */
  static String formatFloat(double v) {
    StringBuilder b = new StringBuilder(24);
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "+Inf" : "-Inf";
    }
    if (v < 0 || (v == 0 && 1 / v < 0)) {
      b.append('-');
    }
    formatAbs(b, Math.abs(v), 'g', -1);
    return b.toString();
  }

  // ---- the printer

  private static final class Printer {
    final StringBuilder buf = new StringBuilder(32);
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;
    boolean reordered;
    boolean goodArgNum;

    void clearFlags() {
      plus = minus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
      wid = prec = 0;
    }

    void doPrintf(String format, List<Object> a) {
      int end = format.length();
      int argNum = 0;
      boolean afterIndex;
      reordered = false;
      int i = 0;
      formatLoop:
      while (i < end) {
        goodArgNum = true;
        int lasti = i;
        while (i < end && format.charAt(i) != '%') {
          i++;
        }
        if (i > lasti) {
          buf.append(format, lasti, i);
        }
        if (i >= end) {
          break;
        }
        i++;
        clearFlags();
        simple:
        for (; i < end; i++) {
          char c = format.charAt(i);
          switch (c) {
            case '#': sharp = true; break;
            case '0': zero = !minus; break;
            case '+': plus = true; break;
            case '-': minus = true; zero = false; break;
            case ' ': space = true; break;
            default:
              if (c >= 'a' && c <= 'z' && argNum < a.size()) {
                if (c == 'v') {
                  sharpV = sharp;
                  sharp = false;
                  plusV = plus;
                  plus = false;
                }
                printArg(a.get(argNum), c);
                argNum++;
                i++;
                continue formatLoop;
              }
              break simple;
          }
        }
        int[] r = argNumber(argNum, format, i, a.size());
        argNum = r[0];
        i = r[1];
        afterIndex = r[2] == 1;
        if (i < end && format.charAt(i) == '*') {
          i++;
          Integer w = intFromArg(a, argNum);
          if (argNum < a.size()) {
            argNum++;
          }
          if (w == null) {
            buf.append("%!(BADWIDTH)");
          } else {
            widPresent = true;
            wid = w;
            if (wid < 0) {
              wid = -wid;
              minus = true;
              zero = false;
            }
          }
          afterIndex = false;
        } else {
          int start = i;
          int n = 0;
          while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
            n = Math.min(n * 10 + (format.charAt(i) - '0'), MAX_WIDTH + 1);
            i++;
          }
          if (i > start) {
            if (n > MAX_WIDTH) {
              widPresent = false;
            } else {
              widPresent = true;
              wid = n;
            }
            if (afterIndex && widPresent) {
              goodArgNum = false;
            }
          }
        }
        if (i < end && format.charAt(i) == '.') {
          i++;
          if (afterIndex) {
            goodArgNum = false;
          }
          r = argNumber(argNum, format, i, a.size());
          argNum = r[0];
          i = r[1];
          afterIndex = r[2] == 1;
          if (i < end && format.charAt(i) == '*') {
            i++;
            Integer pr = intFromArg(a, argNum);
            if (argNum < a.size()) {
              argNum++;
            }
            if (pr == null || pr < 0) {
              precPresent = false;
              prec = 0;
              if (pr == null) {
                buf.append("%!(BADPREC)");
              }
            } else {
              precPresent = true;
              prec = pr;
            }
            afterIndex = false;
          } else {
            int n = 0;
            while (i < end && format.charAt(i) >= '0' && format.charAt(i) <= '9') {
              n = Math.min(n * 10 + (format.charAt(i) - '0'), MAX_WIDTH + 1);
              i++;
            }
            precPresent = true;
            prec = n > MAX_WIDTH ? 0 : n;
          }
        }
        if (!afterIndex) {
          r = argNumber(argNum, format, i, a.size());
          argNum = r[0];
          i = r[1];
        }
        if (i >= end) {
          buf.append("%!(NOVERB)");
          break;
        }
        int verb = format.codePointAt(i);
        i += Character.charCount(verb);
        if (verb == '%') {
          buf.append('%');
        } else if (!goodArgNum) {
          buf.append("%!").appendCodePoint(verb).append("(BADINDEX)");
        } else if (argNum >= a.size()) {
          buf.append("%!").appendCodePoint(verb).append("(MISSING)");
        } else {
          if (verb == 'v') {
            sharpV = sharp;
            sharp = false;
            plusV = plus;
            plus = false;
          }
          printArg(a.get(argNum), verb);
          argNum++;
        }
      }
      if (!reordered && argNum < a.size()) {
        clearFlags();
        buf.append("%!(EXTRA ");
        for (int k = argNum; k < a.size(); k++) {
          if (k > argNum) {
            buf.append(", ");
          }
          Object arg = a.get(k);
          if (arg == null) {
            buf.append("<nil>");
          } else {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
          }
        }
        buf.append(')');
      }
    }

    /** Returns {argNum, i, found}. */
    int[] argNumber(int argNum, String format, int i, int numArgs) {
      if (format.length() <= i || format.charAt(i) != '[') {
        return new int[] {argNum, i, 0};
      }
      reordered = true;
      int close = -1;
      if (format.length() - i >= 3) {
        for (int k = i + 1; k < format.length(); k++) {
          if (format.charAt(k) == ']') {
            close = k;
            break;
          }
        }
      }
      if (close < 0) {
        goodArgNum = false;
        return new int[] {argNum, i + 1, 0};
      }
      int n = 0;
      boolean ok = close > i + 1;
      for (int k = i + 1; k < close && ok; k++) {
        char c = format.charAt(k);
        if (c < '0' || c > '9') {
          ok = false;
        } else {
          n = Math.min(n * 10 + (c - '0'), MAX_WIDTH + 1);
        }
      }
      int index = n - 1;
      if (ok && index >= 0 && index < numArgs) {
        return new int[] {index, close + 1, 1};
      }
      goodArgNum = false;
      return new int[] {argNum, close + 1, ok ? 1 : 0};
    }

    static Integer intFromArg(List<Object> a, int argNum) {
      if (argNum >= a.size()) {
        return null;
      }
      Object v = a.get(argNum);
      if (v instanceof Integer || v instanceof Long || v instanceof BigInteger) {
        BigInteger b = v instanceof BigInteger ? (BigInteger) v : BigInteger.valueOf(((Number) v).longValue());
        if (b.abs().compareTo(BigInteger.valueOf(MAX_WIDTH)) > 0) {
          return null;
        }
        return b.intValue();
      }
      return null;
    }

    // ---- padding

    void writePadding(int n) {
      char c = zero ? '0' : ' ';
      for (int k = 0; k < n; k++) {
        buf.append(c);
      }
    }

    void pad(CharSequence s) {
      if (!widPresent || wid == 0) {
        buf.append(s);
        return;
      }
      int width = wid - s.toString().codePointCount(0, s.length());
      if (!minus) {
        writePadding(width);
        buf.append(s);
      } else {
        buf.append(s);
        writePadding(width);
      }
    }

    void fmtS(String s) {
      pad(truncate(s));
    }

    String truncate(String s) {
      if (precPresent && s.codePointCount(0, s.length()) > prec) {
        return s.substring(0, s.offsetByCodePoints(0, prec));
      }
      return s;
    }

    // ---- per type

    void printArg(Object arg, int verb) {
      if (arg == null) {
        if (verb == 'T' || verb == 'v') {
          pad("<nil>");
        } else {
          badVerb(verb, null);
        }
        return;
      }
      if (verb == 'T') {
        fmtS(GoValues.typeName(arg));
        return;
      }
      printValue(arg, verb, 0);
    }

    void printValue(Object v, int verb, int depth) {
      if (depth > 0 && v == null) {
        buf.append("<nil>");
        return;
      }
      if (v instanceof GoStringer s && (verb == 'v' || verb == 's' || verb == 'q')) {
        fmtString(s.goString(), verb);
        return;
      }
      if (v instanceof String) {
        fmtString((String) v, verb);
      } else if (v instanceof Boolean) {
        if (verb == 't' || verb == 'v') {
          pad(((Boolean) v) ? "true" : "false");
        } else {
          badVerb(verb, v);
        }
      } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
        fmtInt(BigInteger.valueOf(((Number) v).longValue()), verb, v);
      } else if (v instanceof BigInteger) {
        fmtInt((BigInteger) v, verb, v);
      } else if (v instanceof Double || v instanceof Float) {
        fmtFloatVerb(((Number) v).doubleValue(), verb, v);
      } else if (v instanceof Map) {
        buf.append("map[");
        Map<?, ?> m = (Map<?, ?>) v;
        List<String> keys = new ArrayList<>(m.size());
        for (Object k : m.keySet()) {
          keys.add(String.valueOf(k));
        }
        keys.sort(null);
        boolean first = true;
        for (String k : keys) {
          if (!first) {
            buf.append(' ');
          }
          first = false;
          printValue(k, verb, depth + 1);
          buf.append(':');
          printValue(m.get(k), verb, depth + 1);
        }
        buf.append(']');
      } else if (v instanceof List) {
        buf.append('[');
        List<?> l = (List<?>) v;
        for (int k = 0; k < l.size(); k++) {
          if (k > 0) {
            buf.append(' ');
          }
          printValue(l.get(k), verb, depth + 1);
        }
        buf.append(']');
      } else if (v instanceof TemplateFunction) {
        if (verb == 'v' || verb == 'p') {
          pad("0x0");
        } else {
          badVerb(verb, v);
        }
      } else {
        fmtString(String.valueOf(v), verb);
      }
    }

    void badVerb(int verb, Object arg) {
      buf.append("%!").appendCodePoint(verb).append('(');
      if (arg != null) {
        buf.append(GoValues.typeName(arg)).append('=');
        printValue(arg, 'v', 0);
      } else {
        buf.append("<nil>");
      }
      buf.append(')');
    }

    void fmtString(String s, int verb) {
      switch (verb) {
        case 'v':
          if (sharpV) {
            fmtQ(s);
          } else {
            fmtS(s);
          }
          return;
        case 's':
          fmtS(s);
          return;
        case 'x':
          fmtSx(s, LOWER);
          return;
        case 'X':
          fmtSx(s, UPPER);
          return;
        case 'q':
          fmtQ(s);
          return;
        default:
          badVerb(verb, s);
      }
    }

    void fmtQ(String s) {
      s = truncate(s);
      if (sharp && canBackquote(s)) {
        pad("`" + s + "`");
      } else if (plus) {
        pad(quoteToAscii(s));
      } else {
        pad(quote(s));
      }
    }

    void fmtSx(String s, String digits) {
      byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
      int length = bytes.length;
      if (precPresent && prec < length) {
        length = prec;
      }
      int width = 2 * length;
      if (width > 0) {
        if (space) {
          if (sharp) {
            width *= 2;
          }
          width += length - 1;
        } else if (sharp) {
          width += 2;
        }
      } else {
        if (widPresent) {
          writePadding(wid);
        }
        return;
      }
      if (widPresent && wid > width && !minus) {
        writePadding(wid - width);
      }
      if (sharp) {
        buf.append('0').append(digits.charAt(16));
      }
      for (int k = 0; k < length; k++) {
        if (space && k > 0) {
          buf.append(' ');
          if (sharp) {
            buf.append('0').append(digits.charAt(16));
          }
        }
        int c = bytes[k] & 0xFF;
        buf.append(digits.charAt(c >> 4)).append(digits.charAt(c & 0xF));
      }
      if (widPresent && wid > width && minus) {
        writePadding(wid - width);
      }
    }

    void fmtInt(BigInteger v, int verb, Object original) {
      switch (verb) {
        case 'v': case 'd':
          fmtInteger(v, 10, verb, LOWER);
          return;
        case 'b':
          fmtInteger(v, 2, verb, LOWER);
          return;
        case 'o': case 'O':
          fmtInteger(v, 8, verb, LOWER);
          return;
        case 'x':
          fmtInteger(v, 16, verb, LOWER);
          return;
        case 'X':
          fmtInteger(v, 16, verb, UPPER);
          return;
        case 'c':
          pad(new String(Character.toChars(rune(v))));
          return;
        case 'q': {
          StringBuilder q = new StringBuilder();
          q.append('\'');
          int r = rune(v);
          if (r == '"') {
            q.append('"');
          } else {
            appendEscapedRune(q, r, '\'', plus);
          }
          q.append('\'');
          pad(q);
          return;
        }
        case 'U':
          fmtUnicode(v);
          return;
        default:
          badVerb(verb, original);
      }
    }

    static int rune(BigInteger v) {
      if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10FFFF)) > 0) {
        return 0xFFFD;
      }
      int r = v.intValue();
      return r >= 0xD800 && r <= 0xDFFF ? 0xFFFD : r;
    }

    void fmtUnicode(BigInteger v) {
      StringBuilder b = new StringBuilder("U+");
      String h = v.signum() < 0 ? v.add(BigInteger.ONE.shiftLeft(64)).toString(16) : v.toString(16);
      h = h.toUpperCase(java.util.Locale.ROOT);
      int p = 4;
      if (precPresent && prec > 4) {
        p = prec;
      }
      for (int k = h.length(); k < p; k++) {
        b.append('0');
      }
      b.append(h);
      if (sharp && v.signum() >= 0 && v.compareTo(BigInteger.valueOf(0x10FFFF)) <= 0 && isPrint(v.intValue())) {
        b.append(" '").appendCodePoint(v.intValue()).append('\'');
      }
      boolean oldZero = zero;
      zero = false;
      pad(b);
      zero = oldZero;
    }

    void fmtInteger(BigInteger v, int base, int verb, String digits) {
      boolean negative = v.signum() < 0;
      BigInteger u = v.abs();
      int precision = 0;
      if (precPresent) {
        precision = prec;
        if (precision == 0 && u.signum() == 0) {
          boolean oldZero = zero;
          zero = false;
          writePadding(wid);
          zero = oldZero;
          return;
        }
      } else if (zero && !minus && widPresent) {
        precision = wid;
        if (negative || plus || space) {
          precision--;
        }
      }
      String body = u.toString(base);
      if (digits.charAt(10) == 'A') {
        body = body.toUpperCase(java.util.Locale.ROOT);
      }
      StringBuilder b = new StringBuilder(Math.max(body.length(), precision) + 4);
      if (negative) {
        b.append('-');
      } else if (plus) {
        b.append('+');
      } else if (space) {
        b.append(' ');
      }
      if (verb == 'O') {
        b.append("0o");
      }
      if (sharp) {
        if (base == 2) {
          b.append("0b");
        } else if (base == 16) {
          b.append('0').append(digits.charAt(16));
        }
      }
      int zeros = precision - body.length();
      if (sharp && base == 8 && zeros <= 0 && body.charAt(0) != '0') {
        b.append('0');
      }
      for (int k = 0; k < zeros; k++) {
        b.append('0');
      }
      b.append(body);
      boolean oldZero = zero;
      zero = false;
      pad(b);
      zero = oldZero;
    }

    void fmtFloatVerb(double v, int verb, Object original) {
      switch (verb) {
        case 'v':
          fmtFloat(v, 'g', -1);
          return;
        case 'g': case 'G':
          fmtFloat(v, (char) verb, -1);
          return;
        case 'e': case 'E': case 'f':
          fmtFloat(v, (char) verb, 6);
          return;
        case 'F':
          fmtFloat(v, 'f', 6);
          return;
        default:
          badVerb(verb, original);
      }
    }

    void fmtFloat(double v, char verb, int defaultPrec) {
      int p = precPresent ? prec : defaultPrec;
      StringBuilder num = new StringBuilder(24);
      boolean negative = v < 0 || (v == 0 && 1 / v < 0);
      if (Double.isNaN(v)) {
        num.append("+NaN");
      } else if (Double.isInfinite(v)) {
        num.append(negative ? "-Inf" : "+Inf");
      } else {
        num.append(negative ? '-' : '+');
        formatAbs(num, Math.abs(v), verb, p);
      }
      if (space && num.charAt(0) == '+' && !plus) {
        num.setCharAt(0, ' ');
      }
      char c1 = num.charAt(1);
      if (c1 == 'I' || c1 == 'N') {
        boolean oldZero = zero;
        zero = false;
        if (c1 == 'N' && !space && !plus) {
          num.deleteCharAt(0);
        }
        pad(num);
        zero = oldZero;
        return;
      }
      if (plus || num.charAt(0) != '+') {
        if (zero && !minus && widPresent && wid > num.length()) {
          buf.append(num.charAt(0));
          writePadding(wid - num.length());
          buf.append(num, 1, num.length());
          return;
        }
        pad(num);
        return;
      }
      pad(num.substring(1));
    }
  }
}
