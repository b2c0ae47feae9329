package io.github.klingjava.validation;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spec's request rules compiled once into a tree of checks ({@link PlanNodes}) that runs over
 * the JSON bytes already written for sending, as they stream by: names are matched with
 * {@link JsonReader#selectName} (no string per name), no path strings or quoting are built, and an
 * image field is scanned without a regex.
 *
 * <p>The plan only answers "valid for sure" or "ask the interpreter": whatever it cannot compile
 * into a streaming check (an {@code x-kling-rules} object, a combinator over values) is compiled
 * into a node that reads that value as a tree and runs {@link SchemaValidator} on it, and whenever
 * it is unsure (an over-long number literal, a type-less schema meeting an object) it says "ask".
 * {@link SchemaValidator} stays the one authority on what is invalid and how it is reported, so the
 * plan can never drop a rule, only make valid requests cheap.
 */
final class CompiledPlan {

  /** The ImageInput pattern of the spec, recognised to scan long Base64 without a regex. */
  static final String IMAGE_INPUT_PATTERN =
      "^(?![dD][aA][tT][aA]:)(https?://\\S+|[A-Za-z0-9+/]+={0,2})$";
  private static final int MAX_DEPTH = 64;
  private static final Set<String> ANNOTATIONS = SchemaValidator.ANNOTATIONS;
  private static final Set<String> SCALAR_KEYS = Set.of("type", "nullable", "enum", "format",
      "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
      "pattern");
  private static final Set<String> ARRAY_KEYS = Set.of("type", "nullable", "items", "minItems",
      "maxItems");
  private static final Set<String> OBJECT_KEYS = Set.of("type", "nullable", "required",
      "properties", "additionalProperties", "allOf", "anyOf", "oneOf", "not",
      "x-vendor-constraints", "x-rule", VendorOnlyProperties.KEYWORD);

  private final SchemaValidator schemas;
  private final String vendor;
  private final PlanNodes.Node root;

  private CompiledPlan(SchemaValidator schemas, String schemaName, String vendor) {
    this.schemas = schemas;
    this.vendor = vendor;
    this.root = compile(schemas.schema(schemaName), schemaName, 0);
  }

  /**
   * Compiles one request schema for one vendor.
   *
   * @param vendor the normalised vendor id, or null
   */
  static CompiledPlan compile(SchemaValidator schemas, String schemaName, String vendor) {
    return new CompiledPlan(schemas, schemaName, vendor);
  }

  /** @return true when the JSON is valid for sure; false when the interpreter must decide */
  boolean accepts(JsonReader json) {
    try {
      return root.read(json) && json.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (IOException | RuntimeException e) {
      return false; // malformed or surprising: the interpreter reports it properly
    }
  }

  /** @return whether the plan streams the whole schema (no tree fallback anywhere) */
  boolean fullyStreamed() {
    return root.streamed();
  }

  private PlanNodes.Node compile(Map<String, Object> schema, String name, int depth) {
    try {
      return streaming(schema, name, depth);
    } catch (Unsupported e) {
      return new PlanNodes.TreeNode(schemas, schema, name, vendor);
    }
  }

  private PlanNodes.Node streaming(Map<String, Object> schema, String name, int depth) {
    if (depth > MAX_DEPTH) {
      throw new Unsupported();
    }
    Object ref = schema.get("$ref");
    if (ref != null) {
      String refName = ((String) ref).substring("#/components/schemas/".length());
      Map<String, Object> target = schemas.schema(refName);
      if (target == null) {
        throw new IllegalStateException("Unresolvable $ref " + ref + " in the spec");
      }
      return compile(target, refName, depth + 1);
    }
    Object type = schema.get("type");
    if ("object".equals(type) || type == null && hasAny(schema, OBJECT_KEYS, "type", "nullable")) {
      return object(schema, name, depth);
    }
    if ("array".equals(type) || type == null && hasAny(schema, ARRAY_KEYS, "type", "nullable")) {
      return array(schema, depth);
    }
    return scalar(schema, name);
  }

  private PlanNodes.Node object(Map<String, Object> schema, String name, int depth) {
    only(schema, OBJECT_KEYS);
    Map<String, Object> properties = SchemaValidator.asObject(schema.get("properties"));
    List<String> names = properties == null ? List.of() : new ArrayList<>(properties.keySet());
    if (names.size() > 63) {
      throw new Unsupported();
    }
    PlanNodes.Node[] nodes = new PlanNodes.Node[names.size()];
    for (int i = 0; i < nodes.length; i++) {
      nodes[i] = compile(SchemaValidator.asObject(properties.get(names.get(i))), null, depth + 1);
    }
    applyVendorConstraints(schema, names, nodes);
    for (String refused : VendorOnlyProperties.refused(schema, vendor, schemas::resolveDeep).keySet()) {
      int i = names.indexOf(refused);
      if (i < 0) {
        throw new Unsupported(); // an undeclared name: the closed object refuses it anyway, let the interpreter say so
      }
      nodes[i] = PlanNodes.REFUSED;
    }
    Object additional = schema.get("additionalProperties");
    boolean closed = Boolean.FALSE.equals(additional);
    PlanNodes.Node extra = additional instanceof Map
        ? compile(SchemaValidator.asObject(additional), null, depth + 1) : null;
    long required = mask(schema.get("required"), names, closed);
    List<PlanNodes.MaskTest> tests = new ArrayList<>();
    if (schema.get("allOf") instanceof List) {
      for (Object b : (List<?>) schema.get("allOf")) {
        tests.add(maskTest(SchemaValidator.asObject(b), names, closed, depth));
      }
    }
    if (schema.get("anyOf") != null) {
      tests.add(PlanNodes.MaskTest.any(maskTests(schema.get("anyOf"), names, closed, depth)));
    }
    if (schema.get("oneOf") != null) {
      tests.add(PlanNodes.MaskTest.one(maskTests(schema.get("oneOf"), names, closed, depth)));
    }
    if (schema.get("not") != null) {
      tests.add(PlanNodes.MaskTest.not(maskTest(SchemaValidator.asObject(schema.get("not")), names,
          closed, depth)));
    }
    return new PlanNodes.ObjectNode(Boolean.TRUE.equals(schema.get("nullable")),
        names.toArray(new String[0]), nodes, closed, extra, required,
        tests.toArray(new PlanNodes.MaskTest[0]));
  }

  private void applyVendorConstraints(Map<String, Object> schema, List<String> names,
      PlanNodes.Node[] nodes) {
    Map<String, Object> all = SchemaValidator.asObject(schema.get("x-vendor-constraints"));
    if (all == null || vendor == null) {
      return;
    }
    for (Map.Entry<String, Object> e : all.entrySet()) {
      if (!e.getKey().toLowerCase(Locale.ROOT).equals(vendor)) {
        continue;
      }
      Map<String, Object> mine = SchemaValidator.asObject(e.getValue());
      for (Map.Entry<String, Object> c : mine.entrySet()) {
        int i = names.indexOf(c.getKey());
        Map<String, Object> constraint = SchemaValidator.asObject(c.getValue());
        if (i < 0 || constraint == null || !(nodes[i] instanceof ScalarNode)) {
          throw new Unsupported();
        }
        ScalarNode base = (ScalarNode) nodes[i];
        nodes[i] = base.and(scalar(constraint, null));
      }
    }
  }

  private List<PlanNodes.MaskTest> maskTests(Object list, List<String> names, boolean closed,
      int depth) {
    if (!(list instanceof List)) {
      throw new Unsupported();
    }
    List<PlanNodes.MaskTest> tests = new ArrayList<>();
    for (Object b : (List<?>) list) {
      tests.add(maskTest(SchemaValidator.asObject(b), names, closed, depth));
    }
    return tests;
  }

  /** A branch made only of required lists (and not/anyOf/allOf of such): a test on the names sent. */
  private PlanNodes.MaskTest maskTest(Map<String, Object> branch, List<String> names,
      boolean closed, int depth) {
    if (branch == null || depth > MAX_DEPTH) {
      throw new Unsupported();
    }
    if (branch.get("$ref") != null) {
      String refName = ((String) branch.get("$ref")).substring("#/components/schemas/".length());
      return maskTest(schemas.schema(refName), names, closed, depth + 1);
    }
    only(branch, Set.of("required", "not", "anyOf", "allOf", "x-rule"));
    List<PlanNodes.MaskTest> all = new ArrayList<>();
    all.add(PlanNodes.MaskTest.has(mask(branch.get("required"), names, closed)));
    if (branch.get("not") != null) {
      all.add(PlanNodes.MaskTest.not(maskTest(SchemaValidator.asObject(branch.get("not")), names,
          closed, depth + 1)));
    }
    if (branch.get("anyOf") != null) {
      all.add(PlanNodes.MaskTest.any(maskTests(branch.get("anyOf"), names, closed, depth + 1)));
    }
    if (branch.get("allOf") != null) {
      all.addAll(maskTests(branch.get("allOf"), names, closed, depth + 1));
    }
    return PlanNodes.MaskTest.all(all);
  }

  /** Bits of the listed names; a name outside the properties of a closed object never shows. */
  private static long mask(Object required, List<String> names, boolean closed) {
    long m = 0;
    if (required == null) {
      return 0;
    }
    for (Object r : (List<?>) required) {
      int i = names.indexOf(String.valueOf(r));
      if (i < 0) {
        if (!closed) {
          throw new Unsupported(); // an additional property would have to be tracked by name
        }
        return PlanNodes.NEVER;
      }
      m |= 1L << i;
    }
    return m;
  }

  private PlanNodes.Node array(Map<String, Object> schema, int depth) {
    only(schema, ARRAY_KEYS);
    Map<String, Object> items = SchemaValidator.asObject(schema.get("items"));
    return new PlanNodes.ArrayNode(Boolean.TRUE.equals(schema.get("nullable")),
        longOr(schema.get("minItems"), -1), longOr(schema.get("maxItems"), -1),
        items == null ? null : compile(items, null, depth + 1));
  }

  private ScalarNode scalar(Map<String, Object> schema, String name) {
    Set<String> keys = new HashSet<>(SCALAR_KEYS);
    keys.add("x-extensible-enum");
    only(schema, keys);
    Object type = schema.get("type");
    if (type != null && !Set.of("string", "number", "integer", "boolean").contains(type)) {
      throw new Unsupported();
    }
    boolean open = schema.containsKey("x-extensible-enum");
    Set<String> values = strings(schema.get("enum"));
    Set<String> known = null;
    if (open) {
      known = new LinkedHashSet<>(values == null ? Set.of() : values);
      Object extension = schema.get("x-extensible-enum"); // the known values, or just a marker
      Set<String> listed = extension instanceof List ? strings(extension) : null;
      if (listed != null) {
        known.addAll(listed);
      }
      values = null;
    }
    Object pattern = schema.get("pattern");
    boolean image = IMAGE_INPUT_PATTERN.equals(pattern);
    Pattern regex = pattern instanceof String && !image
        ? Pattern.compile(SchemaValidator.javaRegex((String) pattern)) : null;
    Object format = schema.get("format");
    return new ScalarNode((String) type, Boolean.TRUE.equals(schema.get("nullable")), values,
        known, name, longOr(schema.get("minLength"), -1), longOr(schema.get("maxLength"), -1),
        regex, image, limit(schema.get("minimum")), limit(schema.get("maximum")),
        Boolean.TRUE.equals(schema.get("exclusiveMinimum")),
        Boolean.TRUE.equals(schema.get("exclusiveMaximum")), "int32".equals(format));
  }

  private static Set<String> strings(Object list) {
    if (list == null) {
      return null;
    }
    if (!(list instanceof List)) {
      throw new Unsupported();
    }
    Set<String> out = new LinkedHashSet<>();
    for (Object o : (List<?>) list) {
      if (!(o instanceof String)) {
        throw new Unsupported(); // number or null enums: left to the interpreter
      }
      out.add((String) o);
    }
    return out;
  }

  /** A limit as a double, when the spec writes it with few enough digits to compare exactly. */
  private static Double limit(Object n) {
    if (n == null) {
      return null;
    }
    if (!(n instanceof Number)) {
      throw new Unsupported();
    }
    double d = ((Number) n).doubleValue();
    if (!Double.isFinite(d) || BigDecimal.valueOf(d).precision() > 15) {
      throw new Unsupported();
    }
    return d;
  }

  private static long longOr(Object n, long fallback) {
    return n instanceof Number ? ((Number) n).longValue() : fallback;
  }

  private static boolean hasAny(Map<String, Object> schema, Set<String> keys, String... not) {
    for (String k : schema.keySet()) {
      if (keys.contains(k) && !Set.of(not).contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static void only(Map<String, Object> schema, Set<String> keys) {
    for (String k : schema.keySet()) {
      if (!keys.contains(k) && !ANNOTATIONS.contains(k)) {
        throw new Unsupported();
      }
    }
  }

  /** A schema shape the streaming form does not cover: that part is checked as a tree. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }
}
