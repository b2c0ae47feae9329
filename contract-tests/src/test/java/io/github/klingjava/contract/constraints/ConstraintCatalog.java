package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.constraints.Constraint.Kind;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Every declared constraint of the spec's requests, found by walking the request schemas and the
 * parameters (no hand-kept list): value keywords, {@code required}, {@code additionalProperties:
 * false}, each {@code x-rule} of a schema-level {@code anyOf}/{@code not}, {@code x-kling-rules} and
 * {@code x-vendor-constraints}. Each comes with a request that breaks it.
 */
public final class ConstraintCatalog {

  static final List<String> STRING_KEYWORDS = List.of("minLength", "maxLength", "pattern", "enum");
  static final List<String> NUMBER_KEYWORDS = List.of("minimum", "maximum");
  static final List<String> ARRAY_KEYWORDS = List.of("minItems", "maxItems");
  private static final int MAX_DEPTH = 12;

  private final SpecDocument spec;

  /** @param spec the spec */
  public ConstraintCatalog(SpecDocument spec) {
    this.spec = spec;
  }

  /** @return every constraint, operation by operation in document order */
  public List<Constraint> constraints() {
    List<Constraint> all = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      if (op.requestSchema() != null) {
        Mutator mutator = new Mutator(spec, op);
        walk(op, mutator, spec.schema(op.requestSchema()), JsonPointer.ROOT, all, 0);
      }
      all.addAll(new ParameterConstraints(spec).of(op));
    }
    return all;
  }

  private void walk(OperationSpec op, Mutator m, JsonNode schemaNode, JsonPointer at,
      List<Constraint> out, int depth) {
    if (depth > MAX_DEPTH) {
      throw new IllegalStateException("schema nesting too deep at " + at);
    }
    JsonNode s = spec.resolve(schemaNode);
    String type = s.path("type").asText(s.has("properties") ? "object" : "");
    for (String keyword : switch (type) {
      case "string" -> STRING_KEYWORDS;
      case "integer", "number" -> NUMBER_KEYWORDS;
      case "array" -> ARRAY_KEYWORDS;
      default -> List.<String>of();
    }) {
      if (s.has(keyword)) {
        String detail = keyword.equals("enum") ? s.get(keyword).size() + " values" : limit(s.get(keyword));
        out.add(body(op, Kind.SCHEMA, at, keyword, detail, m.breakValue(at, keyword),
            at.jsonPath(), at.prismSegments(), keyword, null, null));
      }
    }
    if ("array".equals(type) && s.has("items")) {
      walk(op, m, s.get("items"), at.index(0), out, depth + 1);
    }
    if ("object".equals(type)) {
      object(op, m, s, at, out, depth);
    }
  }

  private void object(OperationSpec op, Mutator m, JsonNode s, JsonPointer at, List<Constraint> out,
      int depth) {
    for (JsonNode required : s.path("required")) {
      JsonPointer field = at.field(required.asText());
      out.add(body(op, Kind.SCHEMA, field, "required", "", m.removeField(field), field.jsonPath(),
          at.prismSegments(), "required", required.asText(), null));
    }
    if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
      JsonPointer extra = at.field(ValueFactory.UNEXPECTED_PROPERTY);
      out.add(body(op, Kind.SCHEMA, at, "additionalProperties", "", m.addUnexpectedProperty(at),
          extra.jsonPath(), at.prismSegments(), "additionalProperties", ValueFactory.UNEXPECTED_PROPERTY,
          null));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> property = it.next();
      walk(op, m, property.getValue(), at.field(property.getKey()), out, depth + 1);
    }
    XRuleCases rules = new XRuleCases(m);
    for (XRuleCases.Case c : rules.of(s, at)) {
      out.add(body(op, Kind.X_RULE, at, c.rule(), c.detail(), c.body(), at.jsonPath(),
          at.prismSegments(), c.prismCode(), null, null));
    }
    for (JsonNode rule : s.path("x-kling-rules")) {
      String id = rule.path("id").asText();
      KlingRuleBreakers.Broken broken = KlingRuleBreakers.breakRule(id, m, at);
      out.add(body(op, Kind.KLING_RULE, at, id, "", broken.body(), broken.clientPath(),
          at.prismSegments(), null, null, null));
    }
    for (Iterator<Map.Entry<String, JsonNode>> vendors = s.path("x-vendor-constraints").fields();
        vendors.hasNext();) {
      Map.Entry<String, JsonNode> vendor = vendors.next();
      for (Iterator<Map.Entry<String, JsonNode>> fields = vendor.getValue().fields(); fields.hasNext();) {
        Map.Entry<String, JsonNode> field = fields.next();
        field.getValue().fieldNames().forEachRemaining(keyword -> out.add(vendor(op, m, at,
            vendor.getKey(), field.getKey(), keyword, field.getValue())));
      }
    }
  }

  private Constraint vendor(OperationSpec op, Mutator m, JsonPointer at, String vendor, String field,
      String keyword, JsonNode limits) {
    JsonPointer place = at.field(field);
    JsonNode tree = m.baseFor(place);
    m.ensureParent(tree, place);
    JsonNode schema = m.schemaAt(place);
    JsonNode value = switch (keyword) {
      case "maxLength" -> com.fasterxml.jackson.databind.node.TextNode.valueOf(ValueFactory.pad(
          place.find(tree) == null ? "x" : place.find(tree).asText(), limits.get(keyword).asInt() + 1));
      case "enum" -> firstOutside(schema.get("enum"), limits.get(keyword));
      case "minItems" -> fewerItems(place.find(tree), limits.get(keyword).asInt(), vendor, field);
      default -> throw new IllegalStateException("no breaker for vendor keyword " + keyword
          + " (" + vendor + " " + field + "): extend ConstraintCatalog.vendor");
    };
    place.set(tree, value);
    return body(op, Kind.VENDOR, place, keyword, vendor + " " + limit(limits.get(keyword)), tree,
        place.jsonPath(), place.prismSegments(), null, null, vendor);
  }

  /** The example's array cut to one item fewer than the vendor's minimum (the spec allows it). */
  private static JsonNode fewerItems(JsonNode array, int min, String vendor, String field) {
    if (array == null || !array.isArray() || array.size() < min - 1 || min < 1) {
      throw new IllegalStateException("no example array to cut below " + vendor + "'s minItems " + min
          + " for " + field);
    }
    com.fasterxml.jackson.databind.node.ArrayNode fewer =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < min - 1; i++) {
      fewer.add(array.get(i).deepCopy());
    }
    return fewer;
  }

  /** A value the spec allows but the vendor's narrower enum does not. */
  private static JsonNode firstOutside(JsonNode specEnum, JsonNode vendorEnum) {
    for (JsonNode candidate : specEnum) {
      boolean listed = false;
      for (JsonNode allowed : vendorEnum) {
        listed |= allowed.equals(candidate);
      }
      if (!listed) {
        return candidate.deepCopy();
      }
    }
    throw new IllegalStateException("the vendor enum " + vendorEnum + " allows every value of " + specEnum);
  }

  private static String limit(JsonNode value) {
    String text = value.isTextual() ? value.asText() : value.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }

  private static Constraint body(OperationSpec op, Kind kind, JsonPointer at, String rule, String detail,
      JsonNode body, String clientPath, List<String> prismTail, String prismCode, String prismProperty,
      String vendor) {
    List<String> location = new ArrayList<>(List.of("request", "body"));
    location.addAll(prismTail);
    return new Constraint(op, kind, at, rule, detail, body, null, clientPath, location, prismCode,
        prismProperty, vendor);
  }
}
