package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.klingjava.family.SpecOperation;
import io.github.klingjava.generated.api.NewStandardApi;
import io.github.klingjava.vendor.TaskFamily;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every route of the official surface ({@code openapi/ledger/surface-routes.yaml}: the fact sheet's
 * sections 1.1 and 3.2) is documented in the spec and reachable through a typed client call, and the spec
 * documents nothing the list does not name (a new route is added to both, so the list stays the map of the
 * surface).
 */
class SurfaceCoverageTest {
  private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{([^}]+)}");
  private static SpecDocument spec;
  private static List<JsonNode> routes;

  @BeforeAll
  static void load() {
    spec = SpecDocument.load();
    routes = StreamSupport.stream(
        SpecDocument.readYaml(SpecDocument.OPENAPI_DIR.resolve("ledger/surface-routes.yaml")).path("routes")
            .spliterator(), false).collect(Collectors.toList());
  }

  @Test
  void theListHoldsBothRouteTablesOfTheSheet() {
    long legacy = routes.stream().filter(r -> r.path("row").asText().startsWith("1.1/")).count();
    long standard = routes.stream().filter(r -> r.path("row").asText().startsWith("3.2/")).count();
    assertEquals(78, legacy, "section 1.1 routes");
    assertEquals(14, standard, "section 3.2 routes");
  }

  @Test
  void everyRouteIsDocumentedWithATypedCall() {
    List<String> problems = new ArrayList<>();
    for (JsonNode route : routes) {
      problems.addAll(check(spec, route));
    }
    assertEquals(List.of(), problems, "surface routes not covered:\n" + String.join("\n", problems));
  }

  @Test
  void everyOperationOfTheSpecIsOnTheList() {
    Set<String> listed = new LinkedHashSet<>();
    for (JsonNode route : routes) {
      find(spec, route).ifPresent(listed::add);
    }
    List<String> extra = new ArrayList<>();
    spec.operations().forEach((key, op) -> {
      if (!listed.contains(key) && !op.path("x-vendor-only").isTextual()) {
        extra.add(key);
      }
    });
    assertEquals(List.of(), extra, "operations of the spec that surface-routes.yaml does not name");
  }

  @Test
  void aRouteRemovedFromTheSpecIsReported() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.path("paths")).remove("/v1/videos/effects");
    List<String> problems = new ArrayList<>();
    for (JsonNode route : routes) {
      problems.addAll(check(SpecDocument.of(broken), route));
    }
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("1.1/28 POST /v1/videos/effects: no such operation")),
        String.join("\n", problems));
  }

  @Test
  void anOperationWithoutARoleIsReported() {
    ObjectNode broken = spec.mutableCopy();
    ((ObjectNode) broken.at("/paths/~1v1~1videos~1effects/post")).remove("x-kling-operation");
    List<String> problems = check(SpecDocument.of(broken), routes.stream()
        .filter(r -> r.path("row").asText().equals("1.1/28")).findFirst().orElseThrow());
    assertEquals(List.of("1.1/28 POST /v1/videos/effects: createVideoEffectsTask has no x-kling-operation role"),
        problems);
  }

  /** What is wrong with one route, empty when it is covered. */
  private static List<String> check(SpecDocument document, JsonNode route) {
    String label = route.path("row").asText() + " " + route.path("method").asText() + " " + route.path("path").asText();
    Optional<String> key = find(document, route);
    if (key.isEmpty()) {
      return List.of(label + ": no such operation in the spec");
    }
    JsonNode op = operation(document, key.get());
    String id = op.path("operationId").asText("");
    List<String> problems = new ArrayList<>();
    if (id.isEmpty()) {
      problems.add(label + ": no operationId");
      return problems;
    }
    if (!op.path("x-kling-operation").isTextual()) {
      problems.add(label + ": " + id + " has no x-kling-operation role");
    }
    String tag = op.path("tags").path(0).asText("");
    if (document == spec && op.path("x-kling-operation").isTextual() && !typedCall(document, tag, id)) {
      problems.add(label + ": " + id + " has no typed call (generated TaskFamily, or the new standard's facade)");
    }
    if (!familyTags(document).contains(tag)) {
      problems.add(label + ": " + id + " is tagged '" + tag + "', which carries no x-kling-family");
    }
    return problems;
  }

  /**
   * A family of kind {@code task-v2} (the new standard) is served by {@code client.newStandard()} over the
   * generated Retrofit interface of its tag; the others by the generated {@code TaskFamily}.
   */
  private static boolean typedCall(SpecDocument document, String tag, String operationId) {
    for (JsonNode candidate : document.root().path("tags")) {
      if (candidate.path("name").asText().equals(tag)
          && candidate.path("x-kling-family").path("kind").asText().equals("task-v2")) {
        return java.util.Arrays.stream(NewStandardApi.class.getMethods())
            .anyMatch(m -> m.getName().equals(operationId));
      }
    }
    return generated(operationId);
  }

  private static boolean generated(String operationId) {
    for (TaskFamily family : TaskFamily.values()) {
      for (SpecOperation operation : family.operations()) {
        if (operation.operationId().equals(operationId)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The spec's {@code "<method> <path>"} serving the route: the literal path, or a template listing the value. */
  private static Optional<String> find(SpecDocument document, JsonNode route) {
    String method = route.path("method").asText().toLowerCase();
    String wanted = route.path("path").asText();
    Iterator<Map.Entry<String, JsonNode>> paths = document.root().path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> entry = paths.next();
      JsonNode op = entry.getValue().path(method);
      if (!op.isMissingNode() && serves(document, entry.getKey(), entry.getValue(), op, wanted)) {
        return Optional.of(method + " " + entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** Whether a spec path serves the sheet's path; a sheet `{id}` matches any parameter slot. */
  private static boolean serves(SpecDocument document, String template, JsonNode pathItem, JsonNode op, String wanted) {
    String[] have = template.split("/");
    String[] want = wanted.split("/");
    if (have.length != want.length) {
      return false;
    }
    for (int i = 0; i < have.length; i++) {
      Matcher param = TEMPLATE_PARAM.matcher(have[i]);
      if (!param.matches()) {
        if (!have[i].equals(want[i])) {
          return false;
        }
      } else if (!want[i].startsWith("{") && !lists(document, parameter(document, pathItem, op, param.group(1)), want[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean lists(SpecDocument document, JsonNode parameter, String value) {
    JsonNode schema = document.follow(parameter.path("schema"));
    for (String keyword : List.of("enum", "x-extensible-enum")) {
      for (JsonNode known : schema.path(keyword)) {
        if (known.asText().equals(value)) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonNode parameter(SpecDocument document, JsonNode pathItem, JsonNode op, String name) {
    for (JsonNode list : List.of(op.path("parameters"), pathItem.path("parameters"))) {
      for (JsonNode candidate : list) {
        JsonNode resolved = document.follow(candidate);
        if (name.equals(resolved.path("name").asText()) && "path".equals(resolved.path("in").asText())) {
          return resolved;
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static JsonNode operation(SpecDocument document, String key) {
    int space = key.indexOf(' ');
    return document.root().path("paths").path(key.substring(space + 1)).path(key.substring(0, space));
  }

  private static Set<String> familyTags(SpecDocument document) {
    Set<String> tags = new LinkedHashSet<>();
    for (JsonNode tag : document.root().path("tags")) {
      if (tag.has("x-kling-family")) {
        tags.add(tag.path("name").asText());
      }
    }
    return tags;
  }

}
