package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every example in the spec validates against the schema of the place it is used (request bodies, responses,
 * callbacks), with a validator independent of the client's own (networknt, OpenAPI 3.0 dialect).
 */
class SpecExamplesTest {
  private static final SpecDocument SPEC = SpecDocument.load();
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
      b -> b.metaSchema(OpenApi30.getInstance()).defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().nullableKeywordEnabled(true).build();

  @Test
  void everyExampleValidatesAgainstItsSchema() {
    List<String> failures = new ArrayList<>();
    Set<String> used = new HashSet<>();
    int checked = 0;
    for (Use use : uses()) {
      used.add(use.exampleRef);
      JsonNode value = SPEC.follow(SPEC.at(use.exampleRef.substring(1))).path("value");
      for (ValidationMessage message : validator(use.schemaRef).validate(value)) {
        failures.add(use.where + " example " + use.name + ": " + message.getMessage());
      }
      checked++;
    }
    assertEquals(List.of(), failures, "examples that break their schema");
    assertTrue(checked >= 150, "example uses checked: " + checked);
    List<String> unused = new ArrayList<>();
    SPEC.at("/components/examples").fieldNames().forEachRemaining(name -> {
      if (!used.contains("#/components/examples/" + name)) {
        unused.add(name);
      }
    });
    assertEquals(List.of(), unused, "examples no operation uses");
  }

  @Test
  void aBrokenExampleIsCaught() {
    JsonNode bad = SpecDocument.JSON.createObjectNode().put("image", "data:image/png;base64,AAAA")
        .put("up_expansion_ratio", 0.1).put("left_expansion_ratio", 0.1).put("right_expansion_ratio", 0.1);
    Set<ValidationMessage> messages = validator("#/components/schemas/ImageExpansionRequest").validate(bad);
    assertTrue(messages.stream().anyMatch(m -> m.getMessage().contains("pattern")), messages.toString());
    assertTrue(messages.size() >= 2, "missing down/bottom must be reported too: " + messages);
  }

  @Test
  void requestAndResponseExamplesArePairedByName() {
    List<String> unpaired = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SPEC.at("/paths").properties()) {
      JsonNode post = path.getValue().path("post");
      if (post.isMissingNode()) {
        continue;
      }
      Set<String> requests = names(post.at("/requestBody/content/application~1json/examples"));
      Set<String> responses = names(post.at("/responses/200/content/application~1json/examples"));
      if (!requests.equals(responses)) {
        unpaired.add(path.getKey() + ": requests " + requests + " vs responses " + responses);
      }
    }
    assertEquals(List.of(), unpaired);
  }

  private static Set<String> names(JsonNode examples) {
    Set<String> out = new HashSet<>();
    examples.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonSchema validator(String schemaRef) {
    ObjectNode document = SPEC.mutableCopy();
    document.put("$ref", schemaRef);
    return FACTORY.getSchema(URI.create("urn:kling-api"), document, CONFIG);
  }

  /** Where an example is used: the schema it must satisfy. */
  private record Use(String where, String name, String exampleRef, String schemaRef) { }

  private static List<Use> uses() {
    List<Use> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SPEC.at("/paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String where = op.getKey().toUpperCase() + " " + path.getKey();
        collectContent(where + " request", op.getValue().at("/requestBody/content"), out);
        for (Map.Entry<String, JsonNode> response : op.getValue().path("responses").properties()) {
          collectContent(where + " " + response.getKey(), SPEC.follow(response.getValue()).path("content"), out);
        }
        for (JsonNode callback : op.getValue().path("callbacks")) {
          for (JsonNode expression : callback) {
            collectContent(where + " callback", expression.at("/post/requestBody/content"), out);
          }
        }
      }
    }
    return out;
  }

  private static void collectContent(String where, JsonNode content, List<Use> out) {
    for (JsonNode media : content) {
      String schemaRef = media.path("schema").path("$ref").asText();
      for (Map.Entry<String, JsonNode> example : media.path("examples").properties()) {
        out.add(new Use(where, example.getKey(), example.getValue().path("$ref").asText(), schemaRef));
      }
    }
  }
}
