package io.github.klingjava.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each class of change in compat/cases.yaml, applied to compat/base.yaml, gets its verdict: a
 * breaking one fails the gate with a report naming the change and the word "breaking"; a compatible
 * one passes.
 */
class SpecCompatibilityPolicyTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Changelog NO_ENTRIES = Changelog.parse("# Changelog\n");

  @Test
  void aSpecComparedWithItselfHasNoChanges() throws IOException {
    JsonNode base = read("compat/base.yaml");
    assertEquals(List.of(), SpecCompatibility.compare(base, base).changes());
  }

  @TestFactory
  Stream<DynamicTest> eachBreakingClassFailsTheGateWithAReport() throws IOException {
    JsonNode base = read("compat/base.yaml");
    return cases("breaking").map(testCase -> DynamicTest.dynamicTest(testCase.path("name").asText(), () -> {
      SpecCompatibility comparison = SpecCompatibility.compare(base, SpecEdits.apply(base, testCase.get("edits")));
      assertEquals(kinds(testCase), kindsOf(comparison.breaking()), comparison::report);

      SpecGate.Verdict verdict = SpecGate.check(comparison, NO_ENTRIES);
      assertFalse(verdict.passes(), verdict::message);
      assertTrue(verdict.message().contains("breaking"), verdict::message);
      comparison.breaking().forEach(change ->
          assertTrue(verdict.message().contains("breaking: " + change.line()), verdict::message));
    }));
  }

  @TestFactory
  Stream<DynamicTest> eachCompatibleClassPassesTheGate() throws IOException {
    JsonNode base = read("compat/base.yaml");
    return cases("compatible").map(testCase -> DynamicTest.dynamicTest(testCase.path("name").asText(), () -> {
      SpecCompatibility comparison = SpecCompatibility.compare(base, SpecEdits.apply(base, testCase.get("edits")));
      assertEquals(List.of(), comparison.breaking(), comparison::report);
      assertEquals(kinds(testCase), kindsOf(comparison.changes()), comparison::report);
      assertTrue(SpecGate.check(comparison, NO_ENTRIES).passes());
    }));
  }

  private static Stream<JsonNode> cases(String verdict) throws IOException {
    return StreamSupport.stream(read("compat/cases.yaml").get(verdict).spliterator(), false);
  }

  private static Set<String> kinds(JsonNode testCase) {
    Set<String> kinds = new TreeSet<>();
    testCase.get("kinds").forEach(kind -> kinds.add(kind.asText()));
    return kinds;
  }

  private static Set<String> kindsOf(List<SpecChange> changes) {
    Set<String> kinds = new TreeSet<>();
    changes.forEach(change -> kinds.add(change.kind()));
    return kinds;
  }

  static JsonNode read(String resource) throws IOException {
    try (InputStream in = SpecCompatibilityPolicyTest.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("missing test resource " + resource);
      }
      return YAML.readTree(in);
    }
  }
}
