package io.github.klingjava.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A breaking change is released only with a major bump of info.version and a CHANGELOG.md entry for it. */
class SpecGateTest {

  private static final String REMOVED = "GET /v1/things/{id}: operation removed";

  @Test
  void aMajorBumpWithTheChangeRecordedPasses() throws IOException {
    SpecGate.Verdict verdict = SpecGate.check(removeGet("2.0.0"), changelog("2.0.0", "- breaking: `" + REMOVED + "`"));
    assertTrue(verdict.passes(), verdict::message);
  }

  @Test
  void aMajorBumpWithoutTheRecordFailsNamingTheChange() throws IOException {
    SpecGate.Verdict verdict = SpecGate.check(removeGet("2.0.0"), changelog("2.0.0", "- other things"));
    assertFalse(verdict.passes());
    assertTrue(verdict.message().contains("under \"### Spec 2.0.0\" in CHANGELOG.md; missing:\n  - breaking: " + REMOVED),
        verdict::message);
  }

  @Test
  void aRecordedChangeWithoutAMajorBumpFails() throws IOException {
    SpecGate.Verdict verdict = SpecGate.check(removeGet("1.1.0"), changelog("1.1.0", "- breaking: " + REMOVED));
    assertFalse(verdict.passes());
    assertTrue(verdict.message().contains("info.version 1.1.0 is not a major bump over 1.0.0: set it to 2.0.0"),
        verdict::message);
  }

  @Test
  void aRecordInAnotherVersionsSectionDoesNotCount() throws IOException {
    SpecGate.Verdict verdict = SpecGate.check(removeGet("2.0.0"), changelog("1.0.0", "- breaking: " + REMOVED));
    assertFalse(verdict.passes(), verdict::message);
  }

  @Test
  void versionsThatAreNotSemanticVersionsAreRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpecGate.major("latest"));
    assertEquals("info.version 'latest' is not a semantic version", e.getMessage());
    assertEquals(3, SpecGate.major("v3.1.0-rc1"));
  }

  @Test
  void theProjectChangelogKeepsSpecAndJavaChangesApartInEveryRelease() throws IOException {
    Changelog changelog = Changelog.parse(Files.readString(ReleasedSpecCompatibilityTest.CHANGELOG));
    assertFalse(changelog.releases().isEmpty(), "CHANGELOG.md has no '## <release>' section");
    for (String release : changelog.releases()) {
      List<String> parts = changelog.subsections(release);
      assertTrue(parts.stream().anyMatch(part -> part.matches("Spec \\d+\\.\\d+\\.\\d+.*"))
          && parts.contains("Java API"), "release '" + release + "' needs '### Spec <version>' and '### Java API': " + parts);
    }
  }

  private static SpecCompatibility removeGet(String newVersion) throws IOException {
    JsonNode base = SpecCompatibilityPolicyTest.read("compat/base.yaml");
    JsonNode next = base.deepCopy();
    SpecEdits.remove(next, "/paths/~1v1~1things~1{id}/get");
    SpecEdits.set(next, "/info/version", TextNode.valueOf(newVersion));
    SpecCompatibility comparison = SpecCompatibility.compare(base, next);
    assertEquals(List.of(REMOVED), comparison.breaking().stream().map(SpecChange::line).toList());
    return comparison;
  }

  private static Changelog changelog(String specVersion, String entry) {
    return Changelog.parse("# Changelog\n\n## 1.0.0\n\n### Spec " + specVersion + "\n\n" + entry
        + "\n\n### Java API\n\n- nothing\n");
  }
}
