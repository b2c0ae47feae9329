package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The project's own Spectral rules refuse what they are for, run with the pinned Spectral the
 * build installs (the lint of the spec itself runs in Maven's initialize phase).
 */
class SpectralRulesTest {
  private static final Path SPECTRAL =
      Path.of("openapi/node_modules/@stoplight/spectral-cli/dist/index.js");

  @Test
  void bareYamlBooleanWordsInAStringEnumAreRefusedQuotedOnesAreNot() throws Exception {
    assertTrue(Files.exists(SPECTRAL), "Spectral is installed by the build: " + SPECTRAL);
    Path out = Files.createTempFile("spectral", ".json");
    Process p = new ProcessBuilder("node", SPECTRAL.toString(), "lint", "--ruleset",
        "openapi/.spectral.yaml", "--format", "json", "--output", out.toString(),
        "src/test/resources/lint/yaml-boolean-words.yaml")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "spectral did not finish");
    JsonNode results = SpecDocument.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    List<String> flagged = new ArrayList<>();
    for (JsonNode r : results) {
      if ("kling-no-yaml-boolean-words-in-string-enums".equals(r.path("code").asText())) {
        List<String> path = new ArrayList<>();
        r.path("path").forEach(s -> path.add(s.asText()));
        flagged.add(String.join(".", path));
      }
    }
    assertEquals(List.of("components.schemas.Bare.enum.0", "components.schemas.Bare.enum.1",
        "components.schemas.Bare.enum.2"), flagged);
    assertEquals(1, p.exitValue(), "an error fails the lint");
  }

  @Test
  void listOperationsNeedAWellFormedPagingThatNamesTheirOwnParameters() throws Exception {
    assertTrue(Files.exists(SPECTRAL), "Spectral is installed by the build: " + SPECTRAL);
    Path out = Files.createTempFile("spectral", ".json");
    Process p = new ProcessBuilder("node", SPECTRAL.toString(), "lint", "--ruleset",
        "openapi/.spectral.yaml", "--format", "json", "--output", out.toString(),
        "src/test/resources/lint/paging.yaml")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "spectral did not finish");
    JsonNode results = SpecDocument.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    List<String> flagged = new ArrayList<>();
    for (JsonNode r : results) {
      if ("kling-list-paging".equals(r.path("code").asText())) {
        List<String> path = new ArrayList<>();
        r.path("path").forEach(s -> path.add(s.asText()));
        flagged.add(String.join(".", path.subList(1, path.size())));
      }
    }
    java.util.Collections.sort(flagged);
    assertEquals(List.of("/bad-body.post.x-kling-paging.cursor", "/bad-body.post.x-kling-paging.next",
        "/bad-style.get.x-kling-paging", "/missing.get",
        "/unknown-parameter.get.x-kling-paging.page"), flagged);
    assertEquals(1, p.exitValue(), "an error fails the lint");
  }
}
