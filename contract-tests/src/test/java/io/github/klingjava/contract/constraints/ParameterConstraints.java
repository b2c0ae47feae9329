package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.constraints.Constraint.Kind;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The constraints of an operation's query and path parameters (pageNum, pageSize, id). */
final class ParameterConstraints {

  private final SpecDocument spec;

  ParameterConstraints(SpecDocument spec) {
    this.spec = spec;
  }

  List<Constraint> of(OperationSpec op) {
    List<Constraint> out = new ArrayList<>();
    JsonNode operation = spec.root().path("paths").path(op.path()).path(op.method().toLowerCase(Locale.ROOT));
    for (JsonNode parameterRef : operation.path("parameters")) {
      JsonNode parameter = spec.resolve(parameterRef);
      String name = parameter.path("name").asText();
      String in = parameter.path("in").asText();
      JsonNode schema = spec.resolve(parameter.path("schema"));
      for (String keyword : List.of("minimum", "maximum", "minLength", "maxLength")) {
        if (schema.has(keyword)) {
          String bad = badValue(schema, keyword);
          // Prism lower-cases query parameter names in its locations (pagenum, pagesize).
          String located = in.equals("query") ? name.toLowerCase(Locale.ROOT) : name;
          boolean emptySegment = in.equals("path") && bad.isEmpty();
          // An empty path segment is a missing parameter to Prism: "required" at request.path.
          out.add(new Constraint(op, Kind.PARAMETER, JsonPointer.ROOT, keyword,
              schema.get(keyword).asText(), null, new Constraint.ParameterCall(name, bad), name,
              emptySegment ? List.of("request", in) : List.of("request", in, located),
              emptySegment ? "required" : keyword, emptySegment ? name : null, null));
        }
      }
    }
    return out;
  }

  private static String badValue(JsonNode schema, String keyword) {
    return switch (keyword) {
      case "minimum" -> Long.toString(schema.get(keyword).asLong() - 1);
      case "maximum" -> Long.toString(schema.get(keyword).asLong() + 1);
      case "minLength" -> "x".repeat(Math.max(0, schema.get(keyword).asInt() - 1));
      default -> "x".repeat(schema.get(keyword).asInt() + 1);
    };
  }
}
