package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * request and answer by name; and {@code x-kling-capabilities} is a flat, regular table whose values
 * the spec's own schemas know.
 */
class VideoFamiliesSpecTest {
  private static final Set<String> OPERATION_KINDS = Set.of("submit", "get", "getByExternalId", "list", "call");
  private static final Set<String> CAPABILITY_KEYS = Set.of("family", "model", "supported", "modes",
      "durations", "sound_modes", "voice_list_modes", "end_frame_modes", "end_frame_with_sound",
      "camera_control_modes", "camera_control_durations", "multi_shot_modes", "multi_shot_with_frames",
      "resolutions");

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
      assertTrue(Set.of("task", "sync").contains(f.getValue().path("kind").asText()), f.getKey());
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
    JsonNode caps = spec.at("/x-kling-capabilities");
    assertTrue(caps.path("description").asText().contains("absent key"), "the shape is described");
    List<JsonNode> rows = new ArrayList<>();
    caps.path("rows").forEach(rows::add);
    rows.add(caps.path("example"));
    assertTrue(rows.size() >= 20, "rows: " + rows.size());
    Set<String> seen = new TreeSet<>();
    for (JsonNode row : rows) {
      String where = row.path("family").asText() + "/" + row.path("model").asText();
      for (Map.Entry<String, JsonNode> e : row.properties()) {
        assertTrue(CAPABILITY_KEYS.contains(e.getKey()), where + ": unknown key " + e.getKey());
      }
      JsonNode submit = submitOf(row.path("family").asText());
      assertTrue(submit != null, where + ": family is not a tag with a submit");
      JsonNode request = spec.follow(submit.at("/requestBody/content/application~1json/schema"));
      assertTrue(knownValues(request.path("properties").path("model_name")).contains(row.path("model").asText())
          || row.path("supported").asText().equals("false"), where + ": model unknown to the family");
      Set<String> modes = knownValues(request.path("properties").path("mode"));
      for (String key : List.of("modes", "sound_modes", "voice_list_modes", "end_frame_modes",
          "camera_control_modes", "multi_shot_modes")) {
        for (JsonNode m : row.path(key)) {
          assertTrue(modes.contains(m.asText()), where + ": " + key + " has unknown mode " + m);
        }
      }
      for (String key : List.of("durations", "camera_control_durations")) {
        for (JsonNode d : row.path(key)) {
          assertTrue(knownValues(request.path("properties").path("duration")).contains(d.asText()),
              where + ": unknown duration " + d);
        }
      }
      if (row != caps.path("example")) {
        assertTrue(seen.add(where), "row twice: " + where);
      }
    }
    // the documented combinations of the sheet (V09, V58): spot checks read from the matrix
    assertEquals("[\"pro\"]", row(rows, "image-to-video", "kling-v2-5-turbo").path("end_frame_modes").toString());
    assertEquals("true", row(rows, "image-to-video", "kling-v3").path("multi_shot_with_frames").asText());
    assertTrue(row(rows, "image-to-video", "kling-v1-5").path("camera_control_durations").isMissingNode());
  }

  private JsonNode row(List<JsonNode> rows, String family, String model) {
    return rows.stream().filter(r -> r.path("family").asText().equals(family)
        && r.path("model").asText().equals(model)).findFirst().orElseThrow();
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
