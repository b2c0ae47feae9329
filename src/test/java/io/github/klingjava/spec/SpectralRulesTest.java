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
    Lint lint = lint("src/test/resources/lint/yaml-boolean-words.yaml", "kling-no-yaml-boolean-words-in-string-enums");
    assertEquals(List.of("components.schemas.Bare.enum.0", "components.schemas.Bare.enum.1",
        "components.schemas.Bare.enum.2"), lint.flagged(0));
    assertEquals(1, lint.exitValue(), "an error fails the lint");
  }

  @Test
  void listOperationsNeedAWellFormedPagingThatNamesTheirOwnParameters() throws Exception {
    Lint lint = lint("src/test/resources/lint/paging.yaml", "kling-list-paging");
    List<String> flagged = new ArrayList<>(lint.flagged(1)); // without the leading "paths"
    java.util.Collections.sort(flagged);
    assertEquals(List.of("/bad-body.post.x-kling-paging.cursor", "/bad-body.post.x-kling-paging.next",
        "/bad-style.get.x-kling-paging", "/missing.get",
        "/unknown-parameter.get.x-kling-paging.page"), flagged);
    assertEquals(1, lint.exitValue(), "an error fails the lint");
  }

  /** Lints a fixture with the project's ruleset and keeps the JSON paths one rule flagged. */
  private static Lint lint(String fixture, String rule) throws Exception {
    assertTrue(Files.exists(SPECTRAL), "Spectral is installed by the build: " + SPECTRAL);
    Path out = Files.createTempFile("spectral", ".json");
    Process p = new ProcessBuilder("node", SPECTRAL.toString(), "lint", "--ruleset",
        "openapi/.spectral.yaml", "--format", "json", "--output", out.toString(), fixture)
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "spectral did not finish");
    JsonNode results = SpecDocument.JSON.readTree(Files.readString(out, StandardCharsets.UTF_8));
    Files.deleteIfExists(out);
    List<List<String>> paths = new ArrayList<>();
    for (JsonNode r : results) {
      if (rule.equals(r.path("code").asText())) {
        List<String> path = new ArrayList<>();
        r.path("path").forEach(segment -> path.add(segment.asText()));
        paths.add(path);
      }
    }
    return new Lint(paths, p.exitValue());
  }

  /** The paths one rule flagged, in Spectral's order, and the lint's exit value. */
  private record Lint(List<List<String>> paths, int exitValue) {
    List<String> flagged(int skipSegments) {
      return paths.stream().map(p -> String.join(".", p.subList(skipSegments, p.size()))).toList();
    }
  }
}
