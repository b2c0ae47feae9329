package io.github.klingjava.paging;

import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How one operation pages, as its {@code x-kling-paging} extension in the spec says, with the limits of the
 * request parameters it names taken from their schemas (the generator's step {@code families.groovy} reads
 * them; {@code SpecOperation.paging()} of the generated {@code TaskFamily} carries them):
 *
 * <pre>{@code
 * x-kling-paging: {style: page, page: pageNum, size: pageSize, items: /data}
 * x-kling-paging: {style: cursor, cursor: cursor, in: body, next: /data/next_cursor, hasMore: /data/has_more, items: /data/result}
 * }</pre>
 *
 * {@code page}, {@code size} and {@code cursor} name request parameters (query parameters, or body properties
 * with {@code in: body}); {@code items}, {@code next} and {@code hasMore} are JSON pointers into the answer.
 */
public final class SpecPaging {
  /** The two ways a list pages. */
  public enum Style {
    /** {@code pageNum}/{@code pageSize}: ends at a short or empty page. */
    PAGE,
    /** A cursor from each page to the next: ends at {@code hasMore: false} or no next cursor. */
    CURSOR
  }

  private final Map<String, String> values;
  private final Style style;
  private final Class<?> itemType;

  private SpecPaging(Class<?> itemType, Map<String, String> values) {
    this.itemType = Objects.requireNonNull(itemType, "itemType");
    this.values = Map.copyOf(values);
    this.style = switch (Objects.requireNonNullElse(values.get("style"), "")) {
      case "page" -> Style.PAGE;
      case "cursor" -> Style.CURSOR;
      default -> throw new IllegalArgumentException("x-kling-paging.style must be page or cursor: " + values);
    };
    require(style == Style.PAGE ? List.of("page", "size", "items") : List.of("cursor", "next", "items"));
    if (!List.of("query", "body").contains(in())) {
      throw new IllegalArgumentException("x-kling-paging.in must be query or body: " + values);
    }
  }

  /**
   * Used by the generated family list. {@code keyValues} alternate key and value: the extension's keys
   * ({@code style, in, page, size, cursor, next, hasMore, items}) and the limits of the named parameters
   * ({@code sizeMin, sizeMax, sizeDefault, pageMin, pageMax}).
   *
   * @param itemType the generated model of one item, or {@code Object.class} when the spec's item schema
   *     has no name (items are then JSON trees: maps, lists, strings, BigDecimals, booleans)
   */
  public static SpecPaging of(Class<?> itemType, String... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("keyValues must alternate key and value");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put(keyValues[i], keyValues[i + 1]);
    }
    return new SpecPaging(itemType, values);
  }

  /** Page numbers or cursors. */
  public Style style() {
    return style;
  }

  /** Whether the page, size and cursor parameters go into the JSON body ({@code in: body}) or the query. */
  public boolean inBody() {
    return in().equals("body");
  }

  /** The name of the page-number parameter (page style), e.g. {@code pageNum}. */
  public Optional<String> pageParameter() {
    return value("page");
  }

  /** The name of the page-size parameter, e.g. {@code pageSize} (required for page style). */
  public Optional<String> sizeParameter() {
    return value("size");
  }

  /** The name of the cursor parameter (cursor style), e.g. {@code cursor}. */
  public Optional<String> cursorParameter() {
    return value("cursor");
  }

  /** JSON pointer to the items array in the answer, e.g. {@code /data}. */
  public String itemsPointer() {
    return values.get("items");
  }

  /** JSON pointer to the next cursor (cursor style), e.g. {@code /data/next_cursor}. */
  public Optional<String> nextPointer() {
    return value("next");
  }

  /** JSON pointer to the "more pages" flag, when the list has one. */
  public Optional<String> hasMorePointer() {
    return value("hasMore");
  }

  /** The generated model of one item, {@code Object.class} for JSON trees. */
  public Class<?> itemType() {
    return itemType;
  }

  /** The first page number (the page parameter's {@code minimum}, else 1). */
  public int firstPage() {
    return number("pageMin").orElse(1);
  }

  /** The highest page number the spec allows (the page parameter's {@code maximum}), else {@code Integer.MAX_VALUE}. */
  public int lastPage() {
    return number("pageMax").orElse(Integer.MAX_VALUE);
  }

  /** The size parameter's {@code maximum}, when the spec sets one. */
  public Optional<Integer> maxPageSize() {
    return number("sizeMax");
  }

  /** The size parameter's {@code minimum}, else 1. */
  public int minPageSize() {
    return number("sizeMin").orElse(1);
  }

  /** The size parameter's {@code default}, when the spec sets one. */
  public Optional<Integer> defaultPageSize() {
    return number("sizeDefault");
  }

  /**
   * The page size a walk asks for: the one in {@code options}, else the spec's default, else its maximum;
   * empty for a cursor list that leaves the size to the server.
   *
   * @throws KlingValidationException naming the size parameter and the broken rule (minimum, maximum) when
   *     the size is outside the spec's limits; nothing is sent then
   */
  public Optional<Integer> pageSize(PagerOptions options) {
    Integer size = options.pageSize();
    if (size == null) {
      size = defaultPageSize().or(this::maxPageSize).orElse(null);
      if (size == null && style == Style.PAGE) {
        throw new IllegalStateException("the spec gives the page size parameter no default or maximum");
      }
      return Optional.ofNullable(size);
    }
    String name = sizeParameter().orElse("pageSize");
    if (sizeParameter().isEmpty()) {
      throw invalid(Violation.of("$." + name, String.valueOf(size), "x-kling-paging",
          "this list has no page size parameter in the spec; leave PagerOptions.pageSize unset"));
    }
    checkRange(name, size, minPageSize(), maxPageSize().orElse(Integer.MAX_VALUE));
    return Optional.of(size);
  }

  /**
   * The query of one page of a page-number list, {@code {pageNum: n, pageSize: s}} under the spec's names.
   *
   * @throws KlingValidationException naming each parameter outside its limits in the spec (both at once)
   */
  public Map<String, Object> pageQuery(int pageNum, int pageSize) {
    String page = pageParameter().orElseThrow(() -> new IllegalStateException("not a page-number list: " + this));
    String size = sizeParameter().orElseThrow();
    List<Violation> violations = new java.util.ArrayList<>();
    outOfRange(page, pageNum, firstPage(), lastPage()).ifPresent(violations::add);
    outOfRange(size, pageSize, minPageSize(), maxPageSize().orElse(Integer.MAX_VALUE)).ifPresent(violations::add);
    if (!violations.isEmpty()) {
      throw new KlingValidationException("list parameters", violations);
    }
    return Map.of(page, pageNum, size, pageSize);
  }

  /** Refuses a value outside {@code [min, max]} of the named parameter, before anything is sent. */
  public static void checkRange(String name, int value, int min, int max) {
    outOfRange(name, value, min, max).ifPresent(violation -> {
      throw invalid(violation);
    });
  }

  /** The violation of a value outside {@code [min, max]} of the named parameter (path {@code $.<name>}). */
  public static Optional<Violation> outOfRange(String name, int value, int min, int max) {
    if (value < min) {
      return Optional.of(Violation.of("$." + name, String.valueOf(value), "minimum",
          value + " is below the minimum " + min));
    }
    if (value > max) {
      return Optional.of(Violation.of("$." + name, String.valueOf(value), "maximum",
          value + " is above the maximum " + max));
    }
    return Optional.empty();
  }

  private static KlingValidationException invalid(Violation violation) {
    return new KlingValidationException("list parameters", List.of(violation));
  }

  private String in() {
    return values.getOrDefault("in", "query");
  }

  private Optional<String> value(String key) {
    return Optional.ofNullable(values.get(key)).filter(v -> !v.isEmpty());
  }

  private Optional<Integer> number(String key) {
    return value(key).map(Integer::valueOf);
  }

  private void require(List<String> keys) {
    for (String key : keys) {
      if (value(key).isEmpty()) {
        throw new IllegalArgumentException("x-kling-paging style " + values.get("style") + " needs " + key
            + ": " + values);
      }
    }
  }

  @Override
  public String toString() {
    return "SpecPaging" + new java.util.TreeMap<>(values) + " of " + itemType.getSimpleName();
  }
}
