package io.github.klingjava.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One operation of the spec with its named examples, $refs resolved.
 *
 * @param operationId e.g. {@code createImageGenerationTask}
 * @param method GET or POST
 * @param path e.g. {@code /v1/images/generations}
 * @param family e.g. {@code ImageGeneration}
 * @param kind submit, get or list
 * @param requestSchema the request body's schema name, or null
 * @param requestExamples request body examples by name
 * @param responseExamples examples by status code, then by name
 * @param responseSchemas the body schema name by status code
 * @param callbacks callback operations (id, examples by name)
 */
public record OperationSpec(String operationId, String method, String path, String family, Kind kind,
    String requestSchema, Map<String, JsonNode> requestExamples,
    Map<String, Map<String, JsonNode>> responseExamples, Map<String, String> responseSchemas,
    List<Callback> callbacks) {

  /** What the operation does. */
  public enum Kind { CREATE, GET, LIST }

  /**
   * A callback the vendor sends for this operation.
   *
   * @param operationId e.g. {@code onImageGenerationTaskStatusChanged}
   * @param schema the body's schema name
   * @param examples body examples by name
   */
  public record Callback(String operationId, String schema, Map<String, JsonNode> examples) {
  }

  /** @return the 200 examples by name */
  public Map<String, JsonNode> okExamples() {
    return responseExamples.getOrDefault("200", Map.of());
  }

  /** @return the error statuses (4xx, 5xx) in document order */
  public List<String> errorStatuses() {
    return responseExamples.keySet().stream().filter(s -> !s.startsWith("2")).toList();
  }

  static OperationSpec read(SpecDocument spec, String method, String path, JsonNode node) {
    String id = node.get("operationId").asText();
    Kind kind = id.startsWith("create") ? Kind.CREATE : id.startsWith("list") ? Kind.LIST : Kind.GET;
    String family = owner(id);
    JsonNode media = node.path("requestBody").path("content").path("application/json");
    String requestSchema = SpecDocument.schemaName(media.path("schema"));
    Map<String, JsonNode> requestExamples = examples(spec, media.path("examples"));
    Map<String, Map<String, JsonNode>> responses = new LinkedHashMap<>();
    Map<String, String> schemas = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.path("responses").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> response = it.next();
      JsonNode resolved = spec.resolve(response.getValue());
      JsonNode content = resolved.path("content").path("application/json");
      responses.put(response.getKey(), examples(spec, content.path("examples")));
      schemas.put(response.getKey(), SpecDocument.schemaName(content.path("schema")));
    }
    List<Callback> callbacks = new ArrayList<>();
    for (JsonNode callback : iterable(node.path("callbacks"))) {
      for (JsonNode expression : iterable(spec.resolve(callback))) {
        for (JsonNode operation : iterable(expression)) {
          JsonNode body = operation.path("requestBody").path("content").path("application/json");
          callbacks.add(new Callback(operation.path("operationId").asText(),
              SpecDocument.schemaName(body.path("schema")), examples(spec, body.path("examples"))));
        }
      }
    }
    return new OperationSpec(id, method.toUpperCase(Locale.ROOT), path, family, kind, requestSchema,
        requestExamples, responses, schemas, callbacks);
  }

  private static Map<String, JsonNode> examples(SpecDocument spec, JsonNode examples) {
    Map<String, JsonNode> result = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = examples.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> example = it.next();
      result.put(example.getKey(), spec.resolve(example.getValue()).path("value"));
    }
    return result;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    List<JsonNode> values = new ArrayList<>();
    node.elements().forEachRemaining(values::add);
    return values;
  }

  /**
   * The task family (its accessor, capitalised, e.g. {@code ImageGeneration}) whose submit, query or list
   * this operation is, read from the generated {@code TaskFamily}; for another operation (a synchronous
   * call, or a family the client lacks) the operationId without its verb, which no family serves.
   */
  private static String owner(String operationId) {
    for (io.github.klingjava.vendor.TaskFamily family : io.github.klingjava.vendor.TaskFamily.tasks()) {
      for (io.github.klingjava.family.SpecOperation op : family.operations()) {
        if (op.operationId().equals(operationId) && !"call".equals(op.role())) {
          String accessor = family.accessor();
          return Character.toUpperCase(accessor.charAt(0)) + accessor.substring(1);
        }
      }
    }
    return operationId.replaceFirst("^(create|get|list)", "").replaceFirst("Tasks?$", "");
  }
}
