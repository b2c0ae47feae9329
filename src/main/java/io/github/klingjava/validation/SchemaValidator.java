package io.github.klingjava.validation;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

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
 * <p>This class holds the spec and the entry points; the work is done by {@link SchemaWalk} (the
 * keyword walk), {@link Composition} (allOf/anyOf/oneOf/not and their {@code x-rule} wording),
 * {@link KlingRules}, {@link EcmaRegex}, {@link JsonValues} and {@link ViolationWording}.
 *
 * <p>Instances are immutable and thread-safe; {@link #embedded()} loads the spec embedded on the
 * classpath once, lazily.
 */
final class SchemaValidator {

  /** Where the build puts the resolved spec as JSON. */
  static final String RESOURCE = EmbeddedSpec.RESOURCE;

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

  private static volatile SchemaValidator embedded;

  private final Map<String, Object> spec;
  private final Map<String, Object> schemas;
  private final Map<String, Map<String, CompiledPlan>> plans = new ConcurrentHashMap<>();
  private final SchemaWalk walk;

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
    this.walk = new SchemaWalk(this);
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
          v = new SchemaValidator(EmbeddedSpec.tree());
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
    return dedupe(walk.run(schema, name, tree, normalizeVendor(vendorId)));
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

  /** The component a {@code $ref} names; the spec's refs only point into components/schemas. */
  Map<String, Object> resolve(Object ref) {
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

  static String refName(Object ref) {
    if (!(ref instanceof String) || !((String) ref).startsWith(SCHEMA_REF_PREFIX)) {
      throw new IllegalStateException("Only $ref to " + SCHEMA_REF_PREFIX
          + "* is supported, found " + ref);
    }
    return ((String) ref).substring(SCHEMA_REF_PREFIX.length());
  }

  private static List<Violation> dedupe(List<Violation> violations) {
    return List.copyOf(new LinkedHashSet<>(violations));
  }

  // Helpers the package and its tests have always reached through the validator; they live in the
  // classes named, and are kept here so callers (the compiled plan, the tests) need not change.

  /** The value as a JSON object, or null: {@link JsonValues#asObject}. */
  static Map<String, Object> asObject(Object o) {
    return JsonValues.asObject(o);
  }

  /** The JSON path of a property: {@link ViolationWording#child}. */
  static String child(String path, String key) {
    return ViolationWording.child(path, key);
  }

  /** The Java form of an ECMAScript pattern: {@link EcmaRegex#javaRegex}. */
  static String javaRegex(String ecma) {
    return EcmaRegex.javaRegex(ecma);
  }

  /** Every x-kling-rules id anywhere under the given schemas. */
  static Set<String> klingRuleIds(Object node) {
    return KlingRules.klingRuleIds(node);
  }
}
