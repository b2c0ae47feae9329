package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The spec parses and validates with swagger-parser, and keeps the wire facts clients rely on. */
class SpecValidityTest {
  private static SwaggerParseResult result;

  @BeforeAll
  static void parse() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    result = new OpenAPIV3Parser().readLocation(SpecDocument.SPEC.toString(), null, options);
  }

  /**
   * Every value of a string enum (closed or open) is a string as the Java tools read YAML. They
   * read YAML 1.1, where a bare {@code on}/{@code off}/{@code yes}/{@code no} is a boolean; Spectral
   * (YAML 1.2) reads a string, so the lint rule kling-no-yaml-boolean-words-in-string-enums
   * checks the raw text and this test checks what Jackson, and thus the generator, sees.
   */
  @Test
  void stringEnumsHoldOnlyStrings() throws Exception {
    assertTrue(SpecDocument.YAML.readTree("e: [on, 'off']").path("e").get(0).isBoolean(),
        "the hazard this test guards against: Jackson reads a bare on as true");
    List<String> wrong = new ArrayList<>();
    walk(SpecDocument.readYaml(SpecDocument.SPEC), "$", wrong);
    assertEquals(List.of(), wrong);
  }

  private static void walk(com.fasterxml.jackson.databind.JsonNode node, String at,
      List<String> wrong) {
    if (node.isObject()) {
      if ("string".equals(node.path("type").asText())) {
        for (String key : List.of("enum", "x-extensible-enum")) {
          node.path(key).forEach(v -> {
            if (!v.isTextual()) {
              wrong.add(at + "." + key + ": " + v + " is not a string");
            }
          });
        }
      }
      node.fields().forEachRemaining(e -> walk(e.getValue(), at + "." + e.getKey(), wrong));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), at + "[" + i + "]", wrong);
      }
    }
  }

  @Test
  void parsesWithoutMessages() {
    assertNotNull(result.getOpenAPI(), "spec did not parse");
    assertEquals(List.of(), result.getMessages(), "swagger-parser messages");
  }

  @Test
  void everyFamilyHasTheFullLifecycle() {
    Map<String, io.swagger.v3.oas.models.PathItem> paths = result.getOpenAPI().getPaths();
    for (String family : List.of("/v1/images/generations", "/v1/images/multi-image2image",
        "/v1/images/editing/expand", "/v1/videos/image2video")) {
      assertNotNull(paths.get(family).getPost(), family + " submit");
      assertNotNull(paths.get(family).getGet(), family + " list");
      assertNotNull(paths.get(family + "/{id}").getGet(), family + " query");
      assertNotNull(paths.get(family).getPost().getCallbacks().get("taskStatusChanged"), family + " callback");
    }
  }

  @Test
  void everyOperationDeclaresEveryErrorFamily() {
    List<String> missing = new ArrayList<>();
    result.getOpenAPI().getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
      for (String status : List.of("400", "401", "403", "404", "429", "500", "503", "504")) {
        if (!op.getResponses().containsKey(status)) {
          missing.add(method + " " + path + " " + status);
        }
      }
    }));
    assertEquals(List.of(), missing);
  }

  @Test
  void idsAreStringsAndTimestampsAreInt64Milliseconds() {
    OpenAPI api = result.getOpenAPI();
    Schema<?> task = api.getComponents().getSchemas().get("Task");
    assertEquals("string", ((Schema<?>) task.getProperties().get("task_id")).getType());
    for (String field : List.of("created_at", "updated_at")) {
      Schema<?> ts = (Schema<?>) task.getProperties().get(field);
      assertEquals("integer", ts.getType(), field);
      assertEquals("int64", ts.getFormat(), field);
      assertTrue(ts.getDescription().contains("milliseconds"), field);
    }
  }

  @Test
  void operationIdsAreUnique() {
    List<String> ids = new ArrayList<>();
    result.getOpenAPI().getPaths().values().forEach(item -> item.readOperations().stream()
        .map(Operation::getOperationId).forEach(ids::add));
    assertEquals(ids.size(), ids.stream().distinct().count(), "duplicate operationIds in " + ids);
  }
}
