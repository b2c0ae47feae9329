package io.github.klingjava.validation;

import static io.github.klingjava.validation.JsonValues.asObject;
import static io.github.klingjava.validation.JsonValues.decimal;
import static io.github.klingjava.validation.JsonValues.jsonEquals;
import static io.github.klingjava.validation.JsonValues.jsonType;
import static io.github.klingjava.validation.JsonValues.typeMatches;
import static io.github.klingjava.validation.ViolationWording.article;
import static io.github.klingjava.validation.ViolationWording.child;
import static io.github.klingjava.validation.ViolationWording.items;
import static io.github.klingjava.validation.ViolationWording.suggestion;

import io.github.klingjava.image.ImageFiles;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keyword walk of {@link SchemaValidator}: one value against one schema, keyword by keyword, in
 * the order the messages are expected, recursing into items, properties and {@link Composition}.
 * One walk per validator: it holds the validator's compiled patterns, nothing per call.
 */
final class SchemaWalk {

  private static final int MAX_DEPTH = 256;

  private final SchemaValidator schemas;
  private final EcmaRegex patterns = new EcmaRegex();
  private final Composition composition;

  SchemaWalk(SchemaValidator schemas) {
    this.schemas = schemas;
    this.composition = new Composition(this, schemas);
  }

  /** Every violation of tree against schema, in the order found (duplicates included). */
  List<Violation> run(Map<String, Object> schema, String name, Object tree, String vendor) {
    List<Violation> out = new ArrayList<>();
    check(schema, name, tree, "$", new Ctx(vendor, null, 0), out);
    return out;
  }

  /** Vendor being validated for; wording added to vendor-constraint messages; recursion depth. */
  record Ctx(String vendor, String qualifier, int depth) {
    Ctx deeper() {
      if (depth >= MAX_DEPTH) {
        throw new IllegalStateException("Schema nesting deeper than " + MAX_DEPTH
            + " levels: a $ref cycle in the spec?");
      }
      return new Ctx(vendor, qualifier, depth + 1);
    }

    Ctx qualified(String q) {
      return new Ctx(vendor, q, depth);
    }
  }

  /**
   * Checks {@code value} found at {@code path} against {@code schema}, adding violations to out.
   *
   * @param name the component name when the schema was reached through a $ref (for messages)
   */
  void check(Map<String, Object> schema, String name, Object value, String path, Ctx ctx,
      List<Violation> out) {
    ctx = ctx.deeper();
    Object ref = schema.get("$ref");
    if (ref != null) { // OpenAPI 3.0: siblings of $ref are ignored
      String refName = SchemaValidator.refName(ref);
      check(schemas.resolve(ref), refName, value, path, ctx, out);
      return;
    }
    if (value == null) {
      if (Boolean.TRUE.equals(schema.get("nullable"))) {
        return;
      }
      Object type = schema.get("type");
      if (type != null) {
        report(out, ctx, path, "null", "type", "null is not allowed here, expected "
            + article((String) type));
        return;
      }
    } else if (!typeMatches(schema.get("type"), value)) {
      String type = (String) schema.get("type");
      String description = "integer".equals(type) && value instanceof Number
          ? Violation.number((Number) value) + " is not an integer"
          : Violation.display(value) + " is " + article(jsonType(value)) + ", expected "
              + article(type);
      report(out, ctx, path, Violation.display(value), "type", description);
      return; // the other keywords of this schema do not apply to a value of the wrong type
    }
    OpenVocabulary.noteUnknown(schema, name, value, path); // trust (#8): open sets are logged, never refused
    checkEnum(schema, value, path, ctx, out);
    if (value instanceof Number) {
      checkNumber(schema, (Number) value, path, ctx, out);
    } else if (value instanceof String) {
      checkString(schema, name, (String) value, path, ctx, out);
    } else if (value instanceof List) {
      checkArray(schema, (List<?>) value, path, ctx, out);
    } else if (value instanceof Map) {
      checkObject(schema, name, asObject(value), path, ctx, out);
    }
    composition.check(schema, value, path, ctx, out);
  }

  private void checkEnum(Map<String, Object> schema, Object value, String path, Ctx ctx,
      List<Violation> out) {
    Object e = schema.get("enum");
    if (!(e instanceof List)) {
      return;
    }
    if (schema.containsKey("x-extensible-enum")) { // an open set: known values, never a refusal
      if (value instanceof String && !((List<?>) e).contains(value)) {
        OpenVocabulary.noteUnknown(null, (String) value);
      }
      return;
    }
    List<?> allowed = (List<?>) e;
    for (Object a : allowed) {
      if (jsonEquals(a, value)) {
        return;
      }
    }
    List<String> shown = new ArrayList<>();
    for (Object a : allowed) {
      shown.add(Violation.display(a));
    }
    report(out, ctx, path, Violation.display(value), "enum", Violation.display(value)
        + " is not one of " + String.join(", ", shown));
  }

  private void checkNumber(Map<String, Object> schema, Number value, String path, Ctx ctx,
      List<Violation> out) {
    BigDecimal v = decimal(value);
    String shown = Violation.number(value);
    Object min = schema.get("minimum");
    if (min instanceof Number) {
      boolean exclusive = Boolean.TRUE.equals(schema.get("exclusiveMinimum"));
      int c = v.compareTo(decimal((Number) min));
      if (c < 0 || exclusive && c == 0) {
        report(out, ctx, path, shown, exclusive ? "exclusiveMinimum" : "minimum", shown
            + (exclusive ? " is not above the exclusive minimum " : " is below the minimum ")
            + Violation.number((Number) min));
      }
    }
    Object max = schema.get("maximum");
    if (max instanceof Number) {
      boolean exclusive = Boolean.TRUE.equals(schema.get("exclusiveMaximum"));
      int c = v.compareTo(decimal((Number) max));
      if (c > 0 || exclusive && c == 0) {
        report(out, ctx, path, shown, exclusive ? "exclusiveMaximum" : "maximum", shown
            + (exclusive ? " is not below the exclusive maximum " : " is above the maximum ")
            + Violation.number((Number) max));
      }
    }
    Object format = schema.get("format");
    if ("int32".equals(format) || "int64".equals(format)) {
      boolean int32 = "int32".equals(format);
      BigDecimal lo = BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE);
      BigDecimal hi = BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE);
      if (v.compareTo(lo) < 0 || v.compareTo(hi) > 0) {
        report(out, ctx, path, shown, "format", shown + " is outside the " + format + " range "
            + lo + " to " + hi);
      }
    }
  }

  private void checkString(Map<String, Object> schema, String name, String value, String path,
      Ctx ctx, List<Violation> out) {
    Object pattern = schema.get("pattern");
    boolean image = CompiledPlan.IMAGE_INPUT_PATTERN.equals(pattern);
    if (image && ImageFiles.isCheckedReference(value)) {
      return; // a file whose header and size were checked; its Base64 is written while sending
    }
    String shown = Violation.quote(value);
    Object minLength = schema.get("minLength");
    Object maxLength = schema.get("maxLength");
    if (minLength instanceof Number || maxLength instanceof Number) {
      int length = value.codePointCount(0, value.length());
      if (minLength instanceof Number && length < ((Number) minLength).longValue()) {
        report(out, ctx, path, shown, "minLength", (length == 0 ? "the empty string" : shown
            + " (" + length + " characters)") + " is shorter than the minimum length "
            + ((Number) minLength).longValue());
      }
      if (maxLength instanceof Number && length > ((Number) maxLength).longValue()) {
        report(out, ctx, path, shown, "maxLength", shown + (length > Violation.MAX_STRING ? ""
            : " (" + length + " characters)") + " is longer than the maximum length "
            + ((Number) maxLength).longValue());
      }
    }
    boolean matches = image ? ImageScan.matches(value)
        : !(pattern instanceof String) || patterns.compiled((String) pattern).matcher(value).find();
    if (!matches) {
      report(out, ctx, path, shown, "pattern", shown + " does not match the pattern " + pattern
          + (name == null ? "" : " of " + name));
    }
  }

  private void checkArray(Map<String, Object> schema, List<?> value, String path, Ctx ctx,
      List<Violation> out) {
    int size = value.size();
    String shown = Violation.display(value);
    Object minItems = schema.get("minItems");
    if (minItems instanceof Number && size < ((Number) minItems).longValue()) {
      report(out, ctx, path, shown, "minItems", "an array of " + items(size)
          + " has fewer than the minimum " + items(((Number) minItems).longValue()));
    }
    Object maxItems = schema.get("maxItems");
    if (maxItems instanceof Number && size > ((Number) maxItems).longValue()) {
      report(out, ctx, path, shown, "maxItems", "an array of " + items(size)
          + " has more than the maximum " + items(((Number) maxItems).longValue()));
    }
    Map<String, Object> itemSchema = asObject(schema.get("items"));
    if (itemSchema != null) {
      for (int i = 0; i < size; i++) {
        check(itemSchema, null, value.get(i), path + "[" + i + "]", ctx, out);
      }
    }
  }

  private void checkObject(Map<String, Object> schema, String name, Map<String, Object> value,
      String path, Ctx ctx, List<Violation> out) {
    Object required = schema.get("required");
    if (required instanceof List) {
      for (Object r : (List<?>) required) {
        String field = String.valueOf(r);
        if (!value.containsKey(field)) {
          report(out, ctx, child(path, field), null, "required", "required property " + field
              + " is missing");
        }
      }
    }
    Map<String, Object> properties = asObject(schema.get("properties"));
    Object additional = schema.get("additionalProperties");
    for (Map.Entry<String, Object> e : value.entrySet()) {
      String key = e.getKey();
      Map<String, Object> propertySchema = properties == null ? null
          : asObject(properties.get(key));
      String at = child(path, key);
      if (propertySchema != null) {
        check(propertySchema, null, e.getValue(), at, ctx, out);
      } else if (Boolean.FALSE.equals(additional)) {
        report(out, ctx, at, Violation.display(e.getValue()), "additionalProperties",
            "property " + key + " is not allowed" + (name == null ? " here" : " in " + name)
                + suggestion(key, properties));
      } else if (additional instanceof Map) {
        check(asObject(additional), null, e.getValue(), at, ctx, out);
      }
    }
    checkVendorConstraints(schema, value, path, ctx, out);
    // trust (#8): a vendor's own property names never reach another vendor
    VendorOnlyProperties.check(schema, value, ctx.vendor(), path, schemas::resolveDeep, out);
    KlingRules.check(schema, value, path, ctx.qualifier(), out);
  }

  private void checkVendorConstraints(Map<String, Object> schema, Map<String, Object> value,
      String path, Ctx ctx, List<Violation> out) {
    if (ctx.vendor() == null) {
      return;
    }
    Map<String, Object> all = asObject(schema.get("x-vendor-constraints"));
    Map<String, Object> mine = null;
    if (all != null) {
      for (Map.Entry<String, Object> e : all.entrySet()) {
        if (e.getKey().toLowerCase(Locale.ROOT).equals(ctx.vendor())) {
          mine = asObject(e.getValue());
        }
      }
    }
    if (mine == null) {
      return;
    }
    Ctx vendorCtx = ctx.qualified("the limit " + ctx.vendor() + " documents");
    for (Map.Entry<String, Object> e : mine.entrySet()) {
      if (value.containsKey(e.getKey())) {
        Map<String, Object> constraint = asObject(e.getValue());
        if (constraint != null) {
          check(constraint, null, value.get(e.getKey()), child(path, e.getKey()), vendorCtx, out);
        }
      }
    }
  }

  static void report(List<Violation> out, Ctx ctx, String path, String value, String rule,
      String description) {
    out.add(Violation.of(path, value, rule,
        ctx.qualifier() == null ? description : description + ", " + ctx.qualifier()));
  }
}
