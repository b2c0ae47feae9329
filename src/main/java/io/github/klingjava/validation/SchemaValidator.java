package io.github.klingjava.validation;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import io.github.klingjava.image.ImageFiles;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A small interpreter of the JSON-Schema subset (OpenAPI 3.0 dialect) that the spec uses, run over
 * a JSON tree as Moshi's {@code JsonAdapter<Object>} produces it ({@code Map<String,Object>},
 * {@code List}, {@code String}, {@code Number}, {@code Boolean}, {@code null}).
 *
 * <p>It reads the schemas from the spec itself ({@code components/schemas}), so the client, the
 * spec and a Prism mock (which validates with the same schemas) agree. Keywords checked: see
 * {@link #CHECKED_KEYWORDS}; keywords that carry no constraint: {@link #ANNOTATIONS}. Besides
 * JSON Schema it runs the spec's extensions: {@code x-rule} (names a cross-field rule written as
 * {@code anyOf}/{@code not} of {@code required} lists, reported under that name),
 * {@code x-kling-rules} ({@link CustomRules}) and {@code x-vendor-constraints} (applied only for
 * the vendor being validated for).
 *
 * <p>Instances are immutable and thread-safe; {@link #embedded()} loads the spec embedded on the
 * classpath once, lazily.
 */
final class SchemaValidator {

  /** Where the build puts the resolved spec as JSON. */
  static final String RESOURCE = "/io/github/klingjava/openapi/kling-api.json";

  /** Keywords this interpreter enforces. */
  static final Set<String> CHECKED_KEYWORDS = Set.of(
      "$ref", "type", "nullable", "enum", "format",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
      "minLength", "maxLength", "pattern",
      "minItems", "maxItems", "items",
      "required", "properties", "additionalProperties",
      "allOf", "anyOf", "oneOf", "not",
      "x-rule", "x-kling-rules", "x-vendor-constraints",
      VendorOnlyProperties.KEYWORD); // trust (#8): see VendorOnlyProperties

  /** Keywords that describe but do not constrain a request; ignored on purpose. */
  static final Set<String> ANNOTATIONS = Set.of(
      "description", "title", "default", "example", "deprecated", "externalDocs",
      "x-enum-varnames", "x-alias-of", OpenVocabulary.KEYWORD);

  /** Values of {@code type} understood. */
  static final Set<String> TYPES = Set.of("object", "array", "string", "number", "integer",
      "boolean");

  /** Values of {@code format} understood (int32/int64 are range-checked, the others are open). */
  static final Set<String> FORMATS = Set.of("int32", "int64", "float", "double");

  private static final String SCHEMA_REF_PREFIX = "#/components/schemas/";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final int MAX_DEPTH = 256;

  private static volatile SchemaValidator embedded;

  private final Map<String, Object> spec;
  private final Map<String, Object> schemas;
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
  private final Map<String, Map<String, CompiledPlan>> plans = new ConcurrentHashMap<>();

  /**
   * Builds a validator over a parsed OpenAPI document.
   *
   * @param spec the document as a JSON tree
   * @throws IllegalStateException when it has no {@code components/schemas}, or names an
   *     {@code x-kling-rules} id that {@link CustomRules} does not implement
   */
  SchemaValidator(Map<String, Object> spec) {
    this.spec = Collections.unmodifiableMap(spec);
    Map<String, Object> components = asObject(spec.get("components"));
    this.schemas = components == null ? null : asObject(components.get("schemas"));
    if (schemas == null) {
      throw new IllegalStateException("The spec has no components/schemas");
    }
    CustomRules.requireImplemented(klingRuleIds(schemas));
  }

  /**
   * The validator over the spec embedded on the classpath ({@value #RESOURCE}), loaded on first
   * use.
   *
   * @throws IllegalStateException when the resource is missing or unreadable, or the spec names
   *     a rule the client does not implement
   */
  static SchemaValidator embedded() {
    SchemaValidator v = embedded;
    if (v == null) {
      synchronized (SchemaValidator.class) {
        v = embedded;
        if (v == null) {
          v = new SchemaValidator(loadSpec(RESOURCE));
          embedded = v;
        }
      }
    }
    return v;
  }

  /** Parses a JSON resource of the classpath into a tree. */
  static Map<String, Object> loadSpec(String resource) {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("The spec " + resource + " is not on the classpath; the"
            + " build embeds it from openapi/kling-api.yaml");
      }
      return parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read the spec " + resource, e);
    }
  }

  /** Parses JSON text whose top level is an object. */
  static Map<String, Object> parseObject(String json) {
    JsonAdapter<Object> adapter = new Moshi.Builder().build().adapter(Object.class);
    Object tree;
    try {
      tree = adapter.fromJson(json);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("The spec is not valid JSON: " + e.getMessage(), e);
    }
    Map<String, Object> object = asObject(tree);
    if (object == null) {
      throw new IllegalStateException("The spec is not a JSON object");
    }
    return object;
  }

  /** @return the whole OpenAPI document as a tree (read only) */
  Map<String, Object> spec() {
    return spec;
  }

  /** @return the names of {@code components/schemas} */
  Set<String> schemaNames() {
    return Collections.unmodifiableSet(new TreeSet<>(schemas.keySet()));
  }

  /** @return the named component schema, or null */
  Map<String, Object> schema(String name) {
    return asObject(schemas.get(name));
  }

  /**
   * Validates a JSON tree against a component schema.
   *
   * @param schemaName a name of {@code components/schemas}, e.g. {@code ImageGenerationRequest}
   * @param tree the JSON tree
   * @param vendorId the vendor whose {@code x-vendor-constraints} apply (e.g. {@code cometapi}),
   *     or null for none; compared case-insensitively
   * @return every violation, in the order found; empty when valid
   * @throws IllegalArgumentException for an unknown schema name
   */
  List<Violation> validate(String schemaName, Object tree, String vendorId) {
    Map<String, Object> schema = schema(schemaName);
    if (schema == null) {
      throw new IllegalArgumentException("No schema " + schemaName + " in the spec; known: "
          + schemaNames());
    }
    return validate(schema, schemaName, tree, vendorId);
  }

  /** Validates a tree against any schema of the spec (for the parts a compiled plan reads as trees). */
  List<Violation> validate(Map<String, Object> schema, String name, Object tree, String vendorId) {
    List<Violation> out = new ArrayList<>();
    check(schema, name, tree, "$", new Ctx(normalizeVendor(vendorId), null, 0), out);
    return dedupe(out);
  }

  /**
   * The fast path: whether JSON as sent is valid for sure, by the schema's compiled plan (built on
   * first use per schema and vendor). False means "ask {@link #validate}", not "invalid".
   *
   * @param vendorId a vendor id as given to {@link #validate}
   */
  boolean accepts(String schemaName, String vendorId, JsonReader json) {
    // Keyed by the vendor id as given, normalised only to compile: the per-call path is two map reads.
    Map<String, CompiledPlan> byVendor = plans.get(schemaName);
    if (byVendor == null) {
      byVendor = plans.computeIfAbsent(schemaName, k -> new ConcurrentHashMap<>());
    }
    String key = vendorId == null ? "" : vendorId;
    CompiledPlan plan = byVendor.get(key);
    if (plan == null) {
      plan = byVendor.computeIfAbsent(key, k -> CompiledPlan.compile(this, schemaName, normalizeVendor(vendorId)));
    }
    return plan.accepts(json);
  }

  static String normalizeVendor(String vendorId) {
    if (vendorId == null || vendorId.isBlank()) {
      return null;
    }
    return vendorId.trim().toLowerCase(Locale.ROOT);
  }

  // ---------------------------------------------------------------------------------------------
  // The interpreter

  /** Vendor being validated for; wording added to vendor-constraint messages; recursion depth. */
  private record Ctx(String vendor, String qualifier, int depth) {
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
  private void check(Map<String, Object> schema, String name, Object value, String path, Ctx ctx,
      List<Violation> out) {
    ctx = ctx.deeper();
    Object ref = schema.get("$ref");
    if (ref != null) { // OpenAPI 3.0: siblings of $ref are ignored
      String refName = refName(ref);
      check(resolve(ref), refName, value, path, ctx, out);
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
    checkCombinators(schema, value, path, ctx, out);
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
        : !(pattern instanceof String) || pattern((String) pattern).matcher(value).find();
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
    VendorOnlyProperties.check(schema, value, ctx.vendor(), path, this::resolveDeep, out);
    Object rules = schema.get("x-kling-rules");
    if (rules instanceof List) {
      for (Object rule : (List<?>) rules) {
        List<Violation> found = new ArrayList<>();
        CustomRules.check(klingRuleId(rule), schema, value, path, found);
        for (Violation v : found) {
          out.add(ctx.qualifier() == null ? v : qualify(v, ctx.qualifier()));
        }
      }
    }
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

  private void checkCombinators(Map<String, Object> schema, Object value, String path, Ctx ctx,
      List<Violation> out) {
    Object allOf = schema.get("allOf");
    if (allOf instanceof List) {
      for (Object sub : (List<?>) allOf) {
        check(asObject(sub), null, value, path, ctx, out);
      }
    }
    Object anyOf = schema.get("anyOf");
    if (anyOf instanceof List) {
      checkAnyOf(schema, asSchemas(anyOf), value, path, ctx, out);
    }
    Object oneOf = schema.get("oneOf");
    if (oneOf instanceof List) {
      checkOneOf(asSchemas(oneOf), value, path, ctx, out);
    }
    Object not = schema.get("not");
    if (not instanceof Map) {
      checkNot(schema, asObject(not), value, path, ctx, out);
    }
  }

  private void checkAnyOf(Map<String, Object> schema, List<Map<String, Object>> branches,
      Object value, String path, Ctx ctx, List<Violation> out) {
    List<Violation> closest = null;
    for (Map<String, Object> branch : branches) {
      List<Violation> found = new ArrayList<>();
      check(branch, null, value, path, ctx, found);
      if (found.isEmpty()) {
        return;
      }
      if (closest == null || found.size() < closest.size()) {
        closest = found;
      }
    }
    String rule = commonRule(branches);
    Set<String> fields = inPropertyOrder(requiredFields(branches), schema);
    String what;
    if (fields != null && value instanceof Map) {
      what = (fields.size() == 1 ? fields.iterator().next() + " was not sent"
          : "none of " + String.join(", ", fields) + " was sent");
    } else {
      what = Violation.display(value) + " matches none of the " + branches.size()
          + " alternatives" + (closest == null || closest.isEmpty() ? ""
          : " (closest: " + closest.get(0).message() + ")");
    }
    report(out, ctx, path, null, rule == null ? "anyOf" : rule, explained(what, rule));
  }

  private void checkOneOf(List<Map<String, Object>> branches, Object value, String path, Ctx ctx,
      List<Violation> out) {
    int matches = 0;
    for (Map<String, Object> branch : branches) {
      List<Violation> found = new ArrayList<>();
      check(branch, null, value, path, ctx, found);
      if (found.isEmpty()) {
        matches++;
      }
    }
    if (matches == 1) {
      return;
    }
    String rule = commonRule(branches);
    String what = Violation.display(value) + " matches " + (matches == 0 ? "none" : matches)
        + " of the " + branches.size() + " alternatives; exactly one must match";
    report(out, ctx, path, Violation.display(value), rule == null ? "oneOf" : rule,
        explained(what, rule));
  }

  /**
   * A {@code not} whose schema is a plain {@code anyOf} of rules (as the spec writes forbidden
   * combinations) reports each forbidden combination that matched, under its own {@code x-rule};
   * any other {@code not} reports once, under its {@code x-rule} or as {@code not}.
   */
  private void checkNot(Map<String, Object> schema, Map<String, Object> notSchema, Object value,
      String path, Ctx ctx, List<Violation> out) {
    Map<String, Object> resolved = notSchema;
    while (resolved.get("$ref") != null) {
      resolved = resolve(resolved.get("$ref"));
    }
    String ownRule = (String) resolved.get("x-rule");
    List<Map<String, Object>> branches = null;
    if (resolved.get("anyOf") instanceof List && onlyKeywords(resolved, "anyOf", "x-rule")) {
      branches = asSchemas(resolved.get("anyOf"));
    } else {
      branches = List.of(resolved);
    }
    Map<String, Set<String>> sentByRule = new LinkedHashMap<>();
    Map<String, Map<String, Object>> firstBranch = new LinkedHashMap<>();
    for (Map<String, Object> branch : branches) {
      List<Violation> found = new ArrayList<>();
      check(branch, null, value, path, ctx, found);
      if (!found.isEmpty()) {
        continue; // the forbidden shape does not match: fine
      }
      Object branchRule = branch.get("x-rule");
      String rule = branchRule instanceof String ? (String) branchRule
          : ownRule != null ? ownRule : "not";
      sentByRule.computeIfAbsent(rule, r -> new LinkedHashSet<>()).addAll(
          presentRequired(branch, value));
      firstBranch.putIfAbsent(rule, branch);
    }
    for (Map.Entry<String, Set<String>> e : sentByRule.entrySet()) {
      String rule = e.getKey();
      Set<String> sent = inPropertyOrder(e.getValue(), schema);
      Set<String> without = inPropertyOrder(absentForbidden(firstBranch.get(rule), value), schema);
      String what;
      if (sent.isEmpty()) {
        what = Violation.display(value) + " matches a forbidden shape";
      } else if (sent.size() == 1) {
        what = sent.iterator().next() + " was sent"
            + (without.isEmpty() ? "" : " without " + String.join(" or ", without));
      } else {
        what = joinAnd(sent) + " were sent together";
      }
      report(out, ctx, path, sent.isEmpty() ? Violation.display(value) : String.join(", ", sent),
          "not".equals(rule) ? "not" : rule, explained(what, "not".equals(rule) ? null : rule));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static void report(List<Violation> out, Ctx ctx, String path, String value, String rule,
      String description) {
    out.add(Violation.of(path, value, rule,
        ctx.qualifier() == null ? description : description + ", " + ctx.qualifier()));
  }

  private static Violation qualify(Violation v, String qualifier) {
    String m = v.message();
    String tail = " (rule " + v.rule() + ")";
    String body = m.endsWith(tail) ? m.substring(0, m.length() - tail.length()) : m;
    return new Violation(v.path(), v.value(), v.rule(), body + ", " + qualifier + tail);
  }

  private static String explained(String what, String rule) {
    String text = RuleExplanations.explain(rule);
    return text == null ? what : what + "; " + text;
  }

  private static String items(long n) {
    return n + (n == 1 ? " item" : " items");
  }

  private static String article(String type) {
    if (type == null) {
      return "a value";
    }
    return (type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ")
        + type;
  }

  private static String joinAnd(Set<String> names) {
    List<String> list = new ArrayList<>(names);
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " and " + list.get(
        list.size() - 1);
  }

  static String child(String path, String key) {
    if (IDENTIFIER.matcher(key).matches()) {
      return path + "." + key;
    }
    return path + "['" + key.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  /** " (did you mean x?)" for a near miss among the allowed properties, else "". */
  private static String suggestion(String key, Map<String, Object> properties) {
    if (properties == null) {
      return "";
    }
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : properties.keySet()) {
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    int allowed = Math.max(1, Math.min(3, key.length() / 4));
    return best != null && bestDistance <= allowed ? " (did you mean " + best + "?)" : "";
  }

  /** Levenshtein distance. */
  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  /**
   * The names in the order of the schema's properties (as the spec lists them; unknown names
   * last), so that messages do not depend on how the spec's required lists are ordered.
   */
  private static Set<String> inPropertyOrder(Set<String> names, Map<String, Object> schema) {
    if (names == null) {
      return null;
    }
    Map<String, Object> properties = asObject(schema.get("properties"));
    if (properties == null) {
      return names;
    }
    Set<String> ordered = new LinkedHashSet<>();
    for (String p : properties.keySet()) {
      if (names.contains(p)) {
        ordered.add(p);
      }
    }
    ordered.addAll(names);
    return ordered;
  }

  /** The x-rule all branches share, or null. */
  private static String commonRule(List<Map<String, Object>> branches) {
    String rule = null;
    for (Map<String, Object> b : branches) {
      Object r = b.get("x-rule");
      if (!(r instanceof String) || rule != null && !rule.equals(r)) {
        return null;
      }
      rule = (String) r;
    }
    return rule;
  }

  /** Union of the branches' required lists when every branch is only a required list, else null. */
  private static Set<String> requiredFields(List<Map<String, Object>> branches) {
    Set<String> fields = new LinkedHashSet<>();
    for (Map<String, Object> b : branches) {
      if (!(b.get("required") instanceof List) || !onlyKeywords(b, "required", "x-rule")) {
        return null;
      }
      for (Object f : (List<?>) b.get("required")) {
        fields.add(String.valueOf(f));
      }
    }
    return fields;
  }

  /** The fields of the branch's required list that the object has. */
  private static Set<String> presentRequired(Map<String, Object> branch, Object value) {
    Set<String> present = new LinkedHashSet<>();
    if (value instanceof Map && branch.get("required") instanceof List) {
      for (Object f : (List<?>) branch.get("required")) {
        if (((Map<?, ?>) value).containsKey(String.valueOf(f))) {
          present.add(String.valueOf(f));
        }
      }
    }
    return present;
  }

  /** For a branch {required: [a], not: {required: [b]}}: the fields b the object lacks. */
  private Set<String> absentForbidden(Map<String, Object> branch, Object value) {
    Set<String> absent = new LinkedHashSet<>();
    Map<String, Object> inner = branch == null ? null : asObject(branch.get("not"));
    while (inner != null && inner.get("$ref") != null) {
      inner = resolve(inner.get("$ref"));
    }
    if (inner != null && value instanceof Map && inner.get("required") instanceof List) {
      for (Object f : (List<?>) inner.get("required")) {
        if (!((Map<?, ?>) value).containsKey(String.valueOf(f))) {
          absent.add(String.valueOf(f));
        }
      }
    }
    return absent;
  }

  private static boolean onlyKeywords(Map<String, Object> schema, String... keywords) {
    Set<String> allowed = new LinkedHashSet<>(List.of(keywords));
    for (String k : schema.keySet()) {
      if (!allowed.contains(k) && !ANNOTATIONS.contains(k)) {
        return false;
      }
    }
    return true;
  }

  private Map<String, Object> resolve(Object ref) {
    String name = refName(ref);
    Map<String, Object> target = schema(name);
    if (target == null) {
      throw new IllegalStateException("Unresolvable $ref " + ref + " in the spec");
    }
    return target;
  }

  /** A property schema with its $refs followed (null for anything but a schema object). */
  Map<String, Object> resolveDeep(Object schema) {
    Map<String, Object> resolved = asObject(schema);
    while (resolved != null && resolved.get("$ref") != null) {
      resolved = resolve(resolved.get("$ref"));
    }
    return resolved;
  }

  private static String refName(Object ref) {
    if (!(ref instanceof String) || !((String) ref).startsWith(SCHEMA_REF_PREFIX)) {
      throw new IllegalStateException("Only $ref to " + SCHEMA_REF_PREFIX
          + "* is supported, found " + ref);
    }
    return ((String) ref).substring(SCHEMA_REF_PREFIX.length());
  }

  private Pattern pattern(String regex) {
    return patterns.computeIfAbsent(regex, r -> {
      try {
        return Pattern.compile(javaRegex(r));
      } catch (PatternSyntaxException e) {
        throw new IllegalStateException("The spec's pattern " + r + " is not a valid regex", e);
      }
    });
  }

  /** ECMAScript's white space for {@code \s}: wider than Java's, which lacks NBSP, U+FEFF etc. */
  private static final String ECMA_SPACE =
      "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F"
          + "\\u3000\\uFEFF";

  /**
   * Rewrites an ECMAScript pattern (the dialect of JSON Schema, and of Prism's validator) into a
   * Java regex with the same meaning where the two differ for patterns such as the spec's:
   * {@code \s} and {@code \S} get ECMAScript's white-space set, and an unescaped {@code $} outside
   * a character class becomes {@code \z}, since Java's {@code $} also matches before a final line
   * break ({@code "https://x/\n"} would pass {@code ^\S+$}). Everything else is passed as is.
   */
  static String javaRegex(String ecma) {
    StringBuilder out = new StringBuilder(ecma.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < ecma.length(); i++) {
      char c = ecma.charAt(i);
      if (c == '\\' && i + 1 < ecma.length()) {
        char next = ecma.charAt(++i);
        if (next == 's') {
          out.append('[').append(ECMA_SPACE).append(']');
        } else if (next == 'S') {
          out.append("[^").append(ECMA_SPACE).append(']');
        } else {
          out.append(c).append(next);
        }
      } else if (c == '[' && !inClass) {
        boolean negated = i + 1 < ecma.length() && ecma.charAt(i + 1) == '^';
        int close = i + (negated ? 2 : 1);
        if (close < ecma.length() && ecma.charAt(close) == ']') {
          out.append(negated ? "(?s:.)" : "(?!)"); // ECMAScript's [^] and [], not literal ]
          i = close;
        } else {
          inClass = true;
          out.append(negated ? "[^" : "[");
          i += negated ? 1 : 0;
        }
      } else if (c == ']' && inClass) {
        inClass = false;
        out.append(c);
      } else if ((c == '[' || c == '&') && inClass) {
        out.append('\\').append(c); // literal in ECMAScript; nesting/intersection in Java
      } else if (c == '$' && !inClass) {
        out.append("\\z");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean typeMatches(Object type, Object value) {
    if (type == null) {
      return true;
    }
    switch ((String) type) {
      case "object":
        return value instanceof Map;
      case "array":
        return value instanceof List;
      case "string":
        return value instanceof String;
      case "boolean":
        return value instanceof Boolean;
      case "number":
        return value instanceof Number && isFinite((Number) value);
      case "integer":
        return value instanceof Number && isFinite((Number) value) && isIntegral((Number) value);
      default:
        throw new IllegalStateException("Unsupported type in the spec: " + type);
    }
  }

  static String jsonType(Object value) {
    if (value == null) {
      return "null";
    } else if (value instanceof Map) {
      return "object";
    } else if (value instanceof List) {
      return "array";
    } else if (value instanceof String) {
      return "string";
    } else if (value instanceof Boolean) {
      return "boolean";
    } else if (value instanceof Number) {
      return isIntegral((Number) value) ? "integer" : "number";
    }
    return value.getClass().getSimpleName();
  }

  private static boolean isFinite(Number n) {
    if (n instanceof Double || n instanceof Float) {
      return Double.isFinite(n.doubleValue());
    }
    return true;
  }

  private static boolean isIntegral(Number n) {
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte
        || n instanceof BigInteger) {
      return true;
    }
    if (n instanceof BigDecimal) {
      return ((BigDecimal) n).stripTrailingZeros().scale() <= 0;
    }
    double d = n.doubleValue();
    return Double.isFinite(d) && d == Math.rint(d);
  }

  private static BigDecimal decimal(Number n) {
    if (n instanceof BigDecimal) {
      return (BigDecimal) n;
    }
    if (n instanceof Double || n instanceof Float) {
      return BigDecimal.valueOf(n.doubleValue());
    }
    if (n instanceof BigInteger) {
      return new BigDecimal((BigInteger) n);
    }
    if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
      return BigDecimal.valueOf(n.longValue());
    }
    return new BigDecimal(n.toString());
  }

  static boolean jsonEquals(Object a, Object b) {
    if (a instanceof Number && b instanceof Number) {
      return decimal((Number) a).compareTo(decimal((Number) b)) == 0;
    }
    if (a instanceof List && b instanceof List) {
      List<?> x = (List<?>) a;
      List<?> y = (List<?>) b;
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!jsonEquals(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map && b instanceof Map) {
      Map<?, ?> x = (Map<?, ?>) a;
      Map<?, ?> y = (Map<?, ?>) b;
      if (!x.keySet().equals(y.keySet())) {
        return false;
      }
      for (Map.Entry<?, ?> e : x.entrySet()) {
        if (!jsonEquals(e.getValue(), y.get(e.getKey()))) {
          return false;
        }
      }
      return true;
    }
    return a == null ? b == null : a.equals(b);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> asObject(Object o) {
    return o instanceof Map ? (Map<String, Object>) o : null;
  }

  private static List<Map<String, Object>> asSchemas(Object list) {
    List<Map<String, Object>> schemas = new ArrayList<>();
    for (Object o : (List<?>) list) {
      Map<String, Object> s = asObject(o);
      if (s == null) {
        throw new IllegalStateException("A combinator lists a non-schema: " + o);
      }
      schemas.add(s);
    }
    return schemas;
  }

  private static String klingRuleId(Object rule) {
    Map<String, Object> r = asObject(rule);
    if (r == null || !(r.get("id") instanceof String)) {
      throw new IllegalStateException("An x-kling-rules entry has no id: " + rule);
    }
    return (String) r.get("id");
  }

  /** Every x-kling-rules id anywhere under the given schemas. */
  static Set<String> klingRuleIds(Object node) {
    Set<String> ids = new TreeSet<>();
    collectKlingRuleIds(node, ids);
    return ids;
  }

  private static void collectKlingRuleIds(Object node, Set<String> ids) {
    if (node instanceof Map) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) node).entrySet()) {
        if ("x-kling-rules".equals(e.getKey())) {
          if (!(e.getValue() instanceof List)) {
            throw new IllegalStateException("x-kling-rules must be a list: " + e.getValue());
          }
          for (Object rule : (List<?>) e.getValue()) {
            ids.add(klingRuleId(rule));
          }
        } else {
          collectKlingRuleIds(e.getValue(), ids);
        }
      }
    } else if (node instanceof List) {
      for (Object o : (List<?>) node) {
        collectKlingRuleIds(o, ids);
      }
    }
  }

  private static List<Violation> dedupe(List<Violation> violations) {
    return List.copyOf(new LinkedHashSet<>(violations));
  }
}
