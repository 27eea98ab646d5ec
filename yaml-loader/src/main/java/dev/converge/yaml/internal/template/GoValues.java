package dev.converge.yaml.internal.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Go's view of the package's values: the truth {@code if} uses, the type name {@code %T} prints,
 * and one value printed as {@code %v}.
 *
 * <p>The Go types are those a YAML decoder gives Atmos: {@code String} is {@code string},
 * {@code Integer}, {@code Long} and a {@code BigInteger} that fits 64 bits are {@code int} (a
 * larger one is {@code uint64} up to 2^64-1, beyond that it prints as {@code big.Int} would),
 * {@code Double} is {@code float64}, {@code Boolean} is {@code bool}, maps are
 * {@code map[string]interface {}}, lists {@code []interface {}} and null is a nil interface.
 */
public final class GoValues {

  private static final BigInteger UINT64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private GoValues() {}

  /**
   * Go's truth ({@code template.IsTrue}): false for null, false, zero numbers, empty strings, maps
   * and lists; true for everything else (a function included).
   */
  public static boolean truth(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean) {
      return (Boolean) value;
    }
    if (value instanceof String) {
      return !((String) value).isEmpty();
    }
    if (value instanceof Integer || value instanceof Long) {
      return ((Number) value).longValue() != 0;
    }
    if (value instanceof Double) {
      return (Double) value != 0.0;
    }
    if (value instanceof BigInteger) {
      return ((BigInteger) value).signum() != 0;
    }
    if (value instanceof Map) {
      return !((Map<?, ?>) value).isEmpty();
    }
    if (value instanceof Collection) {
      return !((Collection<?>) value).isEmpty();
    }
    if (value instanceof Number) {
      return ((Number) value).doubleValue() != 0.0;
    }
    return true;
  }

  /** Go's {@code %T} of a value: {@code string}, {@code int}, {@code float64}, {@code <nil>}, ... */
  public static String typeName(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof GoStringer s) {
      return s.goTypeName();
    }
    if (value instanceof String) {
      return "string";
    }
    if (value instanceof Integer || value instanceof Long) {
      return "int";
    }
    if (value instanceof Double || value instanceof Float) {
      return "float64";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof BigInteger) {
      BigInteger b = (BigInteger) value;
      if (b.bitLength() < 64) {
        return "int";
      }
      return b.signum() > 0 && b.compareTo(UINT64_LIMIT) < 0 ? "uint64" : "*big.Int";
    }
    if (value instanceof Map) {
      return "map[string]interface {}";
    }
    if (value instanceof List) {
      return "[]interface {}";
    }
    if (value instanceof TemplateFunction) {
      return "func(...interface {}) (interface {}, error)";
    }
    if (value instanceof Number) {
      return "int";
    }
    return value.getClass().getSimpleName();
  }

  /** One value as Go's {@code fmt.Sprint} prints it ({@code %v}). */
  public static String print(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Integer || value instanceof Long) {
      return Long.toString(((Number) value).longValue());
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    List<Object> one = new ArrayList<>(1);
    one.add(value);
    return GoFmt.sprint(one);
  }
}
