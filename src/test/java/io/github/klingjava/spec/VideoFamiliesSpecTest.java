package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The conventions the spec-driven facade reads (issue #10): a family is a tag carrying
 * {@code x-kling-family {accessor, kind}}; each of its operations carries {@code x-kling-operation};
 * task families submit, query and call back, sync families only call; submit and call examples pair
 * request and answer by name; and {@code x-kling-capabilities} names only routes, models, properties
 * and values the spec's own schemas know.
 */
class VideoFamiliesSpecTest {
  private static final Set<String> OPERATION_KINDS = Set.of("submit", "get", "getByExternalId", "list", "call");

  private final SpecDocument spec = SpecDocument.load();

  @Test
  void everyMarkedFamilyIsATagWithAnAccessorAndAKind() {
    Map<String, JsonNode> families = families();
    assertTrue(families.size() >= 13, families.keySet().toString());
    Set<String> accessors = new TreeSet<>();
    for (Map.Entry<String, JsonNode> f : families.entrySet()) {
      String accessor = f.getValue().path("accessor").asText();
      assertTrue(accessor.matches("[a-z][A-Za-z0-9]*"), f.getKey() + ": accessor " + accessor);
      assertTrue(accessors.add(accessor), "accessor used twice: " + accessor);
      assertTrue(Set.of("task", "sync", "task-v2").contains(f.getValue().path("kind").asText()), f.getKey());
    }
  }

  @Test
  void everyOperationOfAMarkedFamilyNamesItsKindAndTaskFamiliesAreComplete() {
    Map<String, JsonNode> families = families();
    Map<String, List<String>> kindsByFamily = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> path : spec.at("/paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String tag = op.getValue().path("tags").path(0).asText();
        JsonNode kind = op.getValue().path("x-kling-operation");
        if (!families.containsKey(tag)) {
          assertTrue(kind.isMissingNode() || OPERATION_KINDS.contains(kind.asText()), path.getKey());
          continue;
        }
        assertTrue(OPERATION_KINDS.contains(kind.asText()), op.getValue().path("operationId") + ": " + kind);
        kindsByFamily.computeIfAbsent(tag, t -> new ArrayList<>()).add(kind.asText());
        if (kind.asText().equals("submit")) {
          assertTrue(op.getValue().path("callbacks").path("taskStatusChanged").isObject(),
              op.getValue().path("operationId") + " has no callbacks entry");
        }
      }
    }
    for (Map.Entry<String, JsonNode> f : families.entrySet()) {
      List<String> kinds = kindsByFamily.getOrDefault(f.getKey(), List.of());
      if (f.getValue().path("kind").asText().equals("task")) {
        assertTrue(kinds.contains("submit") && kinds.contains("get"), f.getKey() + ": " + kinds);
      } else if (f.getValue().path("kind").asText().equals("task-v2")) {
        // the new standard: create routes, and one batch query and one cursor list for all of them
        assertEquals(Set.of("submit", "get", "list"), new TreeSet<>(kinds), f.getKey());
      } else {
        assertEquals(Set.of("call"), new TreeSet<>(kinds), f.getKey());
      }
    }
  }

  @Test
  void submitsAndCallsPairRequestAndAnswerExamplesByName() {
    int pairs = 0;
    for (Map.Entry<String, JsonNode> path : spec.at("/paths").properties()) {
      JsonNode post = path.getValue().path("post");
      String kind = post.path("x-kling-operation").asText();
      if (!kind.equals("submit") && !kind.equals("call")) {
        continue;
      }
      Set<String> requests = names(post.at("/requestBody/content/application~1json/examples"));
      Set<String> answers = names(post.at("/responses/200/content/application~1json/examples"));
      assertEquals(requests, answers, path.getKey());
      assertTrue(!requests.isEmpty(), path.getKey());
      pairs += requests.size();
    }
    assertTrue(pairs >= 30, "pairs: " + pairs);
  }

  @Test
  void capabilityMatrixIsRegularAndNamesKnownValues() {
    JsonNode routes = spec.at("/x-kling-capabilities/routes");
    assertTrue(spec.at("/x-kling-capabilities/description").asText().contains("open vocabulary"),
        "the shape is described");
    assertTrue(routes.size() >= 5, "routes: " + routes.size());
    for (Map.Entry<String, JsonNode> route : routes.properties()) {
      JsonNode submit = submitAt("/" + route.getKey());
      assertTrue(submit != null, route.getKey() + ": not the submit route of a family");
      JsonNode request = spec.follow(submit.at("/requestBody/content/application~1json/schema"));
      JsonNode properties = request.path("properties");
      JsonNode models = properties.path("model_name");
      if (route.getKey().endsWith("/{model}")) {
        // new standard (N02): the model is the path parameter, the properties are those of settings and
        // the contents types
        models = submit.at("/parameters/0/schema");
        ObjectNode merged = spec.follow(properties.path("settings")).path("properties").deepCopy();
        knownValues(spec.at("/components/schemas/NewStandardContentType")).forEach(t -> merged.putObject(t));
        properties = merged;
      }
      for (Map.Entry<String, JsonNode> model : route.getValue().path("models").properties()) {
        String where = route.getKey() + "/" + model.getKey();
        assertTrue(knownValues(models).contains(model.getKey()),
            where + ": model unknown to the family");
        for (JsonNode p : model.getValue().path("unsupported")) {
          assertTrue(properties.has(p.asText()), where + ": unsupported names no property " + p);
        }
        checkValues(where, properties, model.getValue().path("values"));
        for (Map.Entry<String, JsonNode> trigger : model.getValue().path("requires").properties()) {
          assertTrue(properties.has(trigger.getKey().split("=")[0]), where + ": trigger " + trigger.getKey());
          checkValues(where + " requires " + trigger.getKey(), properties, trigger.getValue());
        }
      }
    }
    // the documented combinations of the sheet (V09, V58): spot checks read from the matrix
    JsonNode i2v = routes.path("v1/videos/image2video").path("models");
    assertEquals("[\"pro\"]", i2v.at("/kling-v2-5-turbo/requires/image_tail/mode").toString());
    assertTrue(i2v.at("/kling-v1-5/requires/camera_control/duration").isMissingNode());
    assertEquals("[\"std\",\"pro\",\"4k\"]",
        routes.at("/v1~1videos~1text2video/models/kling-v3/values/mode").toString());
  }

  /** Every mode and duration a rule lists is one the family's schema knows. */
  private void checkValues(String where, JsonNode properties, JsonNode values) {
    for (String key : List.of("mode", "duration")) {
      JsonNode schema = spec.follow(properties.path(key));
      for (JsonNode v : values.path(key)) {
        if (schema.has("minimum") && !schema.has("enum")) { // the new standard's integer duration (N02)
          assertTrue(v.asInt() >= schema.get("minimum").asInt() && v.asInt() <= schema.get("maximum").asInt(),
              where + ": " + key + " " + v + " outside the schema's range");
          continue;
        }
        assertTrue(knownValues(properties.path(key)).contains(v.asText()), where + ": unknown " + key + " " + v);
      }
    }
  }

  private JsonNode submitAt(String path) {
    JsonNode post = spec.at("/paths").path(path).path("post");
    return post.path("x-kling-operation").asText().equals("submit") ? post : null;
  }

  private Map<String, JsonNode> families() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode tag : spec.at("/tags")) {
      if (tag.has("x-kling-family")) {
        out.put(tag.path("name").asText(), tag.get("x-kling-family"));
      }
    }
    return out;
  }

  private JsonNode submitOf(String tag) {
    for (Map.Entry<String, JsonNode> path : spec.at("/paths").properties()) {
      JsonNode post = path.getValue().path("post");
      if (post.path("tags").path(0).asText().equals(tag) && post.path("operationId").asText().startsWith("create")) {
        return post;
      }
    }
    return null;
  }

  private Set<String> knownValues(JsonNode property) {
    JsonNode schema = spec.follow(property);
    Set<String> values = new TreeSet<>();
    schema.path("enum").forEach(v -> values.add(v.asText()));
    schema.path("x-extensible-enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  private static Set<String> names(JsonNode examples) {
    Set<String> out = new TreeSet<>();
    examples.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
