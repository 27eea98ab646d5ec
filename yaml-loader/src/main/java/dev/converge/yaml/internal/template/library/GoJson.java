package dev.converge.yaml.internal.template.library;

import dev.converge.yaml.internal.template.TemplateException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's {@code encoding/json} output for the value model, as Sprig's {@code toJson} gives it: map
 * keys sorted, no spaces, {@code <}, {@code >} and {@code &} escaped as {@code \u003c} and so on
 * (unless raw), floats in Go's shortest form ({@code 1e+21} from 1e21 up, {@code 1e-07} below 1e-6).
 */
final class GoJson {

  private GoJson() {}

  static String write(Object value, boolean escapeHtml, String indent) {
    StringBuilder out = new StringBuilder();
    write(out, value, escapeHtml, indent, 0);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, boolean html, String indent, int depth) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof String s) {
      string(out, s, html);
    } else if (value instanceof Boolean b) {
      out.append(b);
    } else if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      out.append(value);
    } else if (value instanceof Double d) {
      out.append(number(d));
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
        out.append(first ? "" : ",");
        first = false;
        newline(out, indent, depth + 1);
        string(out, String.valueOf(e.getKey()), html);
        out.append(indent.isEmpty() ? ":" : ": ");
        write(out, e.getValue(), html, indent, depth + 1);
      }
      newline(out, indent, depth);
      out.append('}');
    } else if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        out.append(i == 0 ? "" : ",");
        newline(out, indent, depth + 1);
        write(out, list.get(i), html, indent, depth + 1);
      }
      newline(out, indent, depth);
      out.append(']');
    } else if (value instanceof GoTime t) {
      string(out, t.format(GoTime.RFC3339_NANO), html); // Go's Time.MarshalJSON
    } else {
      throw new TemplateException("json: unsupported type: " + value.getClass().getSimpleName());
    }
  }

  private static void newline(StringBuilder out, String indent, int depth) {
    if (!indent.isEmpty()) {
      out.append('\n');
      out.append(indent.repeat(depth));
    }
  }

  /** Go's float64 encoding: 'f' format between 1e-6 and 1e21, else 'e' with a two-digit exponent at least. */
  static String number(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new TemplateException("json: unsupported value: " + (Double.isNaN(d) ? "NaN" : d > 0 ? "+Inf" : "-Inf"));
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e21) {
      return new BigDecimal(d).toPlainString();
    }
    double abs = Math.abs(d);
    if (abs >= 1e-6 && abs < 1e21) {
      return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }
    String s = new BigDecimal(Double.toString(d)).stripTrailingZeros().toString(); // 1.5E-7
    int e = s.indexOf('E');
    String mantissa = s.substring(0, e);
    int exponent = Integer.parseInt(s.substring(e + 1));
    return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  private static void string(StringBuilder out, String s, boolean html) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || html && (c == '<' || c == '>' || c == '&') || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
