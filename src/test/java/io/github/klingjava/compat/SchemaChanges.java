package io.github.klingjava.compat;

import io.swagger.v3.oas.models.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedNumericRange;

/**
 * Classifies the changes openapi-diff found in one request or response schema, property by
 * property. A request is what the user builds and the client validates, so anything that rejects
 * a request the old spec accepted is breaking; a response is what the user parses and reads, so
 * anything that takes away a field, a value or a guarantee is breaking. Type, format (the Java
 * type) and nullability changes are breaking on both sides.
 */
final class SchemaChanges {

  enum Side { REQUEST, RESPONSE }

  private static final int MAX_DEPTH = 32;

  private final Side side;
  private final String location;
  private final List<SpecChange> out;
  private final Set<ChangedSchema> onPath = Collections.newSetFromMap(new IdentityHashMap<>());

  private SchemaChanges(Side side, String location, List<SpecChange> out) {
    this.side = side;
    this.location = location;
    this.out = out;
  }

  /** Adds the classified changes of {@code schema} (null: none) to {@code out}. */
  static void classify(Side side, String location, ChangedSchema schema, List<SpecChange> out) {
    if (schema != null) {
      new SchemaChanges(side, location, out).walk(schema, "");
    }
  }

  private void walk(ChangedSchema schema, String path) {
    if (schema == null || onPath.size() > MAX_DEPTH || !onPath.add(schema)) {
      return; // a recursive schema is walked once per path
    }
    typeAndNullability(schema, path);
    enumeration(schema, path);
    required(schema, path);
    properties(schema, path);
    limits(schema, path);
    if (schema.getItems() != null) {
      walk(schema.getItems(), path + "[]");
    }
    if (schema.getAddProp() != null) {
      walk(schema.getAddProp(), path + "{*}");
    }
    if (schema.getOneOfSchema() != null) {
      schema.getOneOfSchema().getMissing().keySet().forEach(name ->
          out.add(SpecChange.breaking("oneof-branch-removed", where(path), "oneOf branch '" + name + "' removed")));
      schema.getOneOfSchema().getChanged().forEach((name, branch) -> walk(branch, path));
    }
    onPath.remove(schema);
  }

  private void typeAndNullability(ChangedSchema schema, String path) {
    Schema<?> before = schema.getOldSchema();
    Schema<?> after = schema.getNewSchema();
    if (schema.isChangedType()) {
      out.add(SpecChange.breaking("type-changed", where(path),
          "type changed from " + typeOf(before) + " to " + typeOf(after)));
    } else if (schema.isChangeFormat()) {
      out.add(SpecChange.breaking("type-changed", where(path),
          "format changed from " + typeOf(before) + " to " + typeOf(after)));
    }
    if (before != null && after != null && isNullable(before) != isNullable(after)) {
      out.add(SpecChange.breaking("nullability-changed", where(path),
          isNullable(after) ? "now nullable" : "no longer nullable"));
    }
  }

  private void enumeration(ChangedSchema schema, String path) {
    if (schema.getEnumeration() == null) {
      return;
    }
    List<?> removed = schema.getEnumeration().getMissing();
    List<?> added = schema.getEnumeration().getIncreased();
    if (schema.getEnumeration().getOldValue().isEmpty() && !added.isEmpty()) {
      // A closed list where any value was accepted: narrower for a request, a new guarantee for a response.
      out.add(side == Side.REQUEST
          ? SpecChange.breaking("request-enum-narrowed", where(path), "enum " + quoted(added) + " added (narrowed)")
          : SpecChange.compatible("enum-constraint-added", where(path), "enum " + quoted(added) + " added"));
      return;
    }
    if (schema.getEnumeration().getNewValue().isEmpty() && !removed.isEmpty()) {
      opened(schema.getNewSchema(), removed, path);
      return;
    }
    if (!removed.isEmpty()) {
      out.add(SpecChange.breaking(side == Side.REQUEST ? "request-enum-narrowed" : "enum-value-removed",
          where(path), "enum value(s) " + quoted(removed) + " removed"));
    }
    if (!added.isEmpty()) {
      out.add(SpecChange.compatible("enum-value-added", where(path), "enum value(s) " + quoted(added) + " added"));
    }
  }

  /**
   * A closed enum that became an open vocabulary ({@code x-extensible-enum}) or free text: every
   * value is still accepted and kept, so it is compatible, unless the open set forgets a known value.
   */
  private void opened(Schema<?> after, List<?> before, String path) {
    Object open = after == null || after.getExtensions() == null ? null : after.getExtensions().get("x-extensible-enum");
    if (open instanceof List<?> known) {
      List<String> names = known.stream().map(String::valueOf).toList();
      List<?> forgotten = before.stream().filter(value -> !names.contains(String.valueOf(value))).toList();
      if (!forgotten.isEmpty()) {
        out.add(SpecChange.breaking(side == Side.REQUEST ? "request-enum-narrowed" : "enum-value-removed", where(path),
            "enum opened to x-extensible-enum without the known value(s) " + quoted(forgotten)));
        return;
      }
    }
    out.add(SpecChange.compatible("enum-opened", where(path), open == null
        ? "enum constraint removed (any value accepted)" : "enum opened to x-extensible-enum"));
  }

  private void required(ChangedSchema schema, String path) {
    if (schema.getRequired() == null) {
      return;
    }
    Map<String, ?> newProperties = safe(schema.getIncreasedProperties());
    for (String name : schema.getRequired().getIncreased()) {
      if (newProperties.containsKey(name)) {
        continue; // reported once, as a new required property
      }
      if (side == Side.REQUEST) {
        out.add(SpecChange.breaking("request-field-now-required", where(child(path, name)), "now required"));
      } else {
        out.add(SpecChange.compatible("response-field-now-guaranteed", where(child(path, name)), "now always present"));
      }
    }
    for (String name : schema.getRequired().getMissing()) {
      if (safe(schema.getMissingProperties()).containsKey(name)) {
        continue; // reported as a removed property
      }
      if (side == Side.RESPONSE) {
        out.add(SpecChange.breaking("response-field-no-longer-guaranteed", where(child(path, name)),
            "no longer required (may be absent)"));
      } else {
        out.add(SpecChange.compatible("request-field-now-optional", where(child(path, name)), "no longer required"));
      }
    }
  }

  private void properties(ChangedSchema schema, String path) {
    safe(schema.getMissingProperties()).keySet().forEach(name ->
        out.add(SpecChange.breaking(side == Side.REQUEST ? "request-field-removed" : "response-field-removed",
            where(child(path, name)), "property removed (or its wire name renamed)")));
    List<String> required = schema.getNewSchema() == null || schema.getNewSchema().getRequired() == null
        ? List.of() : schema.getNewSchema().getRequired();
    safe(schema.getIncreasedProperties()).keySet().forEach(name -> {
      if (side == Side.REQUEST && required.contains(name)) {
        out.add(SpecChange.breaking("request-field-now-required", where(child(path, name)), "new required property"));
      } else {
        out.add(SpecChange.compatible(side == Side.REQUEST ? "optional-request-field-added" : "response-field-added",
            where(child(path, name)), "property added"));
      }
    });
    safe(schema.getChangedProperties()).forEach((name, changed) -> walk(changed, child(path, name)));
  }

  private void limits(ChangedSchema schema, String path) {
    if (schema.getNumericRange() != null) {
      range(schema.getNumericRange(), path);
    }
    if (schema.getMaxLength() != null) {
      upper("maxLength", schema.getMaxLength().getOldValue(), schema.getMaxLength().getNewValue(), path);
    }
    if (schema.getMinLength() != null) {
      lower("minLength", schema.getMinLength().getOldValue(), schema.getMinLength().getNewValue(), path);
    }
    if (schema.getMaxItems() != null) {
      upper("maxItems", schema.getMaxItems().getOldValue(), schema.getMaxItems().getNewValue(), path);
    }
    if (schema.getMinItems() != null) {
      lower("minItems", schema.getMinItems().getOldValue(), schema.getMinItems().getNewValue(), path);
    }
    if (schema.getPattern() != null && schema.getPattern().isChanged().isDifferent()) {
      limit(side == Side.REQUEST, "pattern", "pattern changed", path);
    }
  }

  private void range(ChangedNumericRange range, String path) {
    BigDecimal oldMin = range.getOldMinimumValue();
    BigDecimal newMin = range.getNewMinimumValue();
    BigDecimal oldMax = range.getOldMaximumValue();
    BigDecimal newMax = range.getNewMaximumValue();
    boolean minNarrowed = newMin != null && (oldMin == null || newMin.compareTo(oldMin) > 0
        || newMin.compareTo(oldMin) == 0 && becameTrue(range.getOldMinimumExclusiveValue(), range.getNewMinimumExclusiveValue()));
    boolean maxNarrowed = newMax != null && (oldMax == null || newMax.compareTo(oldMax) < 0
        || newMax.compareTo(oldMax) == 0 && becameTrue(range.getOldMaximumExclusiveValue(), range.getNewMaximumExclusiveValue()));
    if (!Objects.equals(oldMin, newMin) || minNarrowed) {
      limit(minNarrowed, "minimum", "minimum " + oldMin + " -> " + newMin, path);
    }
    if (!Objects.equals(oldMax, newMax) || maxNarrowed) {
      limit(maxNarrowed, "maximum", "maximum " + oldMax + " -> " + newMax, path);
    }
  }

  private void upper(String keyword, Integer before, Integer after, String path) {
    if (!Objects.equals(before, after)) {
      limit(after != null && (before == null || after < before), keyword, keyword + " " + before + " -> " + after, path);
    }
  }

  private void lower(String keyword, Integer before, Integer after, String path) {
    if (!Objects.equals(before, after)) {
      limit(after != null && (before == null || after > before), keyword, keyword + " " + before + " -> " + after, path);
    }
  }

  /** Only a request limit can break a user: the client enforces it before sending. */
  private void limit(boolean narrowed, String keyword, String detail, String path) {
    if (side == Side.REQUEST && narrowed) {
      out.add(SpecChange.breaking("request-range-narrowed", where(path), detail + " (narrowed)"));
    } else {
      out.add(SpecChange.compatible(side == Side.REQUEST ? "request-range-widened" : "response-limit-changed",
          where(path), detail));
    }
  }

  private String where(String path) {
    return path.isEmpty() ? location : location + " " + path;
  }

  private static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** OpenAPI 3.0 says {@code nullable: true}; 3.1 lists {@code "null"} among the types. */
  private static boolean isNullable(Schema<?> schema) {
    return Boolean.TRUE.equals(schema.getNullable()) || schema.getTypes() != null && schema.getTypes().contains("null");
  }

  private static boolean becameTrue(Boolean before, Boolean after) {
    return !Boolean.TRUE.equals(before) && Boolean.TRUE.equals(after);
  }

  private static String typeOf(Schema<?> schema) {
    if (schema == null) {
      return "none";
    }
    String type = schema.getType() != null ? schema.getType()
        : schema.getTypes() != null && !schema.getTypes().isEmpty() ? String.join("|", schema.getTypes()) : "any";
    return schema.getFormat() == null ? type : type + "/" + schema.getFormat();
  }

  private static String quoted(List<?> values) {
    List<String> quoted = new ArrayList<>();
    values.forEach(v -> quoted.add("'" + v + "'"));
    return String.join(", ", quoted);
  }

  private static <V> Map<String, V> safe(Map<String, V> map) {
    return map == null ? Map.of() : map;
  }
}
