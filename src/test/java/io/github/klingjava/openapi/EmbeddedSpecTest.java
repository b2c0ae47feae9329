package io.github.klingjava.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jar carries the spec twice: as written (kling-api.yaml) and as one JSON document
 * (kling-api.json, made by the pom's embed-spec execution) that the request validator reads at run
 * time. The JSON must say everything the YAML says: every keyword, {@code x-} extension,
 * {@code anyOf}/{@code not}, enum and bound, with equal values. The generator may only add what the
 * parser makes explicit (a parameter's default {@code style} and {@code explode}).
 */
final class EmbeddedSpecTest {

  private static final String YAML = "io/github/klingjava/openapi/kling-api.yaml";
  private static final String JSON = "io/github/klingjava/openapi/kling-api.json";

  @Test
  void jsonSaysEverythingTheYamlSays() throws IOException {
    JsonNode json = read(JSON, new ObjectMapper());
    assertNotNull(json, JSON + " is missing from the classpath");
    JsonNode yaml = read(YAML, new ObjectMapper(new YAMLFactory()));
    assertNotNull(yaml, YAML + " is missing from the classpath");

    List<String> problems = new ArrayList<>();
    compare(yaml, json, "#", problems);
    assertTrue(problems.isEmpty(), "kling-api.json lost or changed content of kling-api.yaml:\n  "
        + String.join("\n  ", problems.subList(0, Math.min(problems.size(), 50))));
  }

  @Test
  void jsonParsesAsOpenApiWithoutErrors() throws IOException {
    String text;
    try (InputStream in = resource(JSON)) {
      assertNotNull(in, JSON + " is missing from the classpath");
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    SwaggerParseResult result = new OpenAPIParser().readContents(text, null, null);
    assertNotNull(result.getOpenAPI(), "not an OpenAPI document: " + result.getMessages());
    assertEquals(List.of(), result.getMessages());
  }

  private static void compare(JsonNode expected, JsonNode actual, String path, List<String> out) {
    if (actual == null) {
      out.add(path + " is missing");
    } else if (expected.isObject()) {
      if (!actual.isObject()) {
        out.add(path + " is not an object");
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        compare(field.getValue(), actual.get(field.getKey()),
            path + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), out);
      }
    } else if (expected.isArray()) {
      if (!actual.isArray() || actual.size() != expected.size()) {
        out.add(path + " is not an array of " + expected.size());
        return;
      }
      for (int i = 0; i < expected.size(); i++) {
        compare(expected.get(i), actual.get(i), path + "/" + i, out);
      }
    } else if (expected.isNumber() && actual.isNumber()) {
      if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
        out.add(path + ": " + expected + " became " + actual);
      }
    } else if (!expected.equals(actual)) {
      out.add(path + ": " + expected + " became " + actual);
    }
  }

  private static JsonNode read(String name, ObjectMapper mapper) throws IOException {
    try (InputStream in = resource(name)) {
      return in == null ? null : mapper.readTree(in);
    }
  }

  private static InputStream resource(String name) {
    return EmbeddedSpecTest.class.getClassLoader().getResourceAsStream(name);
  }
}
