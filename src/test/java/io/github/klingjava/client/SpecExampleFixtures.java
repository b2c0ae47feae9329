package io.github.klingjava.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The spec's named examples as test fixtures: data read from the spec, never copied into code. */
final class SpecExampleFixtures {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode SPEC = read();

  private SpecExampleFixtures() {
  }

  /** One named example of one operation: the request (submit only) and the 200 response. */
  record OperationExample(String operationId, String method, String path, String name, JsonNode request,
      JsonNode response) {
    @Override
    public String toString() {
      return operationId + " " + name;
    }
  }

  static List<OperationExample> all() {
    List<OperationExample> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SPEC.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        JsonNode operation = op.getValue();
        JsonNode requests = operation.at("/requestBody/content/application~1json/examples");
        JsonNode responses = operation.at("/responses/200/content/application~1json/examples");
        for (Map.Entry<String, JsonNode> example : responses.properties()) {
          JsonNode request = requests.has(example.getKey()) ? value(requests.get(example.getKey())) : null;
          out.add(new OperationExample(operation.path("operationId").asText(), op.getKey(), path.getKey(),
              example.getKey(), request, value(example.getValue())));
        }
      }
    }
    return out;
  }

  static JsonNode value(JsonNode exampleOrRef) {
    JsonNode node = exampleOrRef;
    if (node.has("$ref")) {
      node = SPEC.at(node.get("$ref").asText().substring(1));
    }
    return node.path("value");
  }

  /**
   * The query an operation's replay sends: each query parameter's {@code example}, else its {@code default}, in
   * the spec's order (a parameter with neither is left out), typed as the generated parameter.
   */
  static Map<String, Object> replayQuery(String method, String path) {
    Map<String, Object> out = new java.util.LinkedHashMap<>();
    for (JsonNode parameter : SPEC.path("paths").path(path).path(method).path("parameters")) {
      JsonNode resolved = parameter.has("$ref") ? SPEC.at(parameter.get("$ref").asText().substring(1)) : parameter;
      if (!resolved.path("in").asText().equals("query")) {
        continue;
      }
      JsonNode value = resolved.has("example") ? resolved.get("example") : resolved.path("schema").get("default");
      if (value != null) {
        // the Java type of the generated parameter: int64 Long, other integers Integer, else String
        JsonNode schema = resolved.path("schema");
        Object typed = !schema.path("type").asText().equals("integer") ? value.asText()
            : schema.path("format").asText().equals("int64") ? (Object) value.asLong() : (Object) value.asInt();
        out.put(resolved.get("name").asText(), typed);
      }
    }
    return out;
  }

  static JsonNode example(String key) {
    return SPEC.path("components").path("examples").path(key).path("value");
  }

  /** Structural JSON equality where numbers compare by value and a null member equals an absent one. */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isObject() && b.isObject()) {
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        if (!sameJson(e.getValue(), b.path(e.getKey()).isMissingNode() ? JSON.nullNode() : b.get(e.getKey()))) {
          return false;
        }
      }
      for (Map.Entry<String, JsonNode> e : b.properties()) {
        if (!a.has(e.getKey()) && !e.getValue().isNull()) {
          return false;
        }
      }
      return true;
    }
    if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameJson(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static JsonNode read() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("openapi/kling-api.yaml")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
