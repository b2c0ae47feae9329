package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every cross-field {@code x-rule} the spec names has words for people: a rule added to the spec
 * without a text fails here, naming it, instead of reaching users as "matches none of the
 * alternatives".
 */
class RuleExplanationsTest {

  @Test
  void everyRuleOfTheSpecIsExplained() throws IOException {
    Set<String> rules = new TreeSet<>();
    collect(new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/kling-api.yaml").toFile()), rules);
    assertTrue(rules.size() > 20, "x-rule names found: " + rules);
    Set<String> missing = new TreeSet<>();
    for (String rule : rules) {
      if (RuleExplanations.explain(rule) == null) {
        missing.add(rule);
      }
    }
    assertEquals(Set.of(), missing, "x-rule names without an explanation in RuleExplanations");
  }

  private static void collect(JsonNode node, Set<String> out) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if ("x-rule".equals(e.getKey()) && e.getValue().isTextual()) {
          out.add(e.getValue().asText());
        }
        collect(e.getValue(), out);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collect(child, out));
    }
  }
}
