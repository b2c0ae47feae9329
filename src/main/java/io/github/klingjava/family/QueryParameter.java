package io.github.klingjava.family;

import io.github.klingjava.validation.Violation;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One query parameter of a synchronous call, with the rules its schema in the spec gives (required, minimum,
 * maximum). The generated typed calls ({@code client.account().getAccountCosts(start, end, null)}) build these from
 * the spec, so a limit is never retyped in Java; code driven by data may pass bare values with {@link #of(String,
 * Object)}, each of the Java type of its generated parameter ({@code Integer}, {@code Long}, {@code String}).
 */
public final class QueryParameter {
  private final String name;
  private final Object value;
  private final boolean required;
  private final BigDecimal minimum;
  private final BigDecimal maximum;
  private final Integer minLength;
  private final Integer maxLength;

  private QueryParameter(String name, Object value, boolean required, BigDecimal minimum, BigDecimal maximum,
      Integer minLength, Integer maxLength) {
    this.name = Objects.requireNonNull(name, "name");
    this.value = value;
    this.required = required;
    this.minimum = minimum;
    this.maximum = maximum;
    this.minLength = minLength;
    this.maxLength = maxLength;
  }

  /** A value with no rule to check (code driven by data). */
  public static QueryParameter of(String name, Object value) {
    return new QueryParameter(name, value, false, null, null, null, null);
  }

  /**
   * A value with the rules of its schema, as the generated calls pass them.
   *
   * @param name the wire name
   * @param value the value, or null to leave the parameter out
   * @param required whether the spec marks it required
   * @param minimum the schema's minimum as written in the spec, or null
   * @param maximum the schema's maximum as written in the spec, or null
   */
  public static QueryParameter of(String name, Object value, boolean required, String minimum, String maximum) {
    return new QueryParameter(name, value, required, decimal(minimum), decimal(maximum), null, null);
  }

  /**
   * A value with the rules of its schema including the length limits of a string, as the generated calls pass
   * them.
   *
   * @param name the wire name
   * @param value the value, or null to leave the parameter out
   * @param required whether the spec marks it required
   * @param minimum the schema's minimum as written in the spec, or null
   * @param maximum the schema's maximum as written in the spec, or null
   * @param minLength the schema's minLength, or null
   * @param maxLength the schema's maxLength, or null
   */
  public static QueryParameter of(String name, Object value, boolean required, String minimum, String maximum,
      Integer minLength, Integer maxLength) {
    return new QueryParameter(name, value, required, decimal(minimum), decimal(maximum), minLength, maxLength);
  }

  /** The wire name. */
  public String name() {
    return name;
  }

  /** The value, or null when it is left out. */
  public Object value() {
    return value;
  }

  /** What is wrong with the value, if anything, as a violation naming the parameter and the rule. */
  public Optional<Violation> violation() {
    String path = "$." + name;
    if (value == null) {
      return required
          ? Optional.of(Violation.of(path, null, "required", "the query parameter " + name + " is required"))
          : Optional.empty();
    }
    if (value instanceof CharSequence text) {
      return lengthViolation(path, text.toString());
    }
    if (!(value instanceof Number number)) {
      return Optional.empty();
    }
    BigDecimal given = new BigDecimal(number.toString());
    if (minimum != null && given.compareTo(minimum) < 0) {
      return Optional.of(Violation.of(path, number.toString(), "minimum",
          number + " is below the minimum " + minimum.toPlainString()));
    }
    if (maximum != null && given.compareTo(maximum) > 0) {
      return Optional.of(Violation.of(path, number.toString(), "maximum",
          number + " is above the maximum " + maximum.toPlainString()));
    }
    return Optional.empty();
  }

  private Optional<Violation> lengthViolation(String path, String text) {
    int length = text.codePointCount(0, text.length());
    if (minLength != null && length < minLength) {
      return Optional.of(Violation.of(path, "\"" + text + "\"", "minLength",
          length + " characters are fewer than the minimum length " + minLength));
    }
    if (maxLength != null && length > maxLength) {
      return Optional.of(Violation.of(path, null, "maxLength",
          length + " characters exceed the maximum length " + maxLength));
    }
    return Optional.empty();
  }

  private static BigDecimal decimal(String limit) {
    return limit == null || limit.isEmpty() ? null : new BigDecimal(limit);
  }

  @Override
  public String toString() {
    return name + "=" + value;
  }
}
