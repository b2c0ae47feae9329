package io.github.klingjava.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one re-cut command, {@code bash openapi/cut-baseline.sh}, run on a copy of the repository's
 * spec, baseline and changelog: afterwards the baseline is the current spec, the unreleased
 * CHANGELOG.md entry names its version, and the gate passes.
 */
class BaselineCutTest {

  private static final Path SCRIPT = Path.of("openapi", "cut-baseline.sh");

  @Test
  void aCutMakesTheCurrentSpecTheBaselineAndTheGatePasses(@TempDir Path repo) throws Exception {
    String changed = Files.readString(ReleasedSpecCompatibilityTest.CURRENT)
        .replaceFirst("(?m)^  version: .*$", "  version: 7.3.0");
    layOut(repo, changed, "# Changelog\n\n## 0.9.0 - unreleased\n\n### Spec 1.0.0\n\n- a\n\n### Java API\n\n- b\n"
        + "\n## 0.8.0\n\n### Spec 0.5.0\n\n- c\n\n### Java API\n\n- d\n");

    Process run = run(repo);
    assertEquals(0, run.exitValue(), new String(run.getInputStream().readAllBytes()));

    Path baseline = repo.resolve("openapi/released/kling-api.yaml");
    assertArrayEquals(Files.readAllBytes(repo.resolve("openapi/kling-api.yaml")), Files.readAllBytes(baseline));
    Changelog changelog = Changelog.parse(Files.readString(repo.resolve("CHANGELOG.md")));
    assertEquals(java.util.List.of("Spec 7.3.0", "Java API"), changelog.subsections("0.9.0 - unreleased"));
    assertEquals(java.util.List.of("Spec 0.5.0", "Java API"), changelog.subsections("0.8.0"));
    SpecGate.Verdict verdict = SpecGate.check(SpecCompatibility.compare(baseline, repo.resolve("openapi/kling-api.yaml")), changelog);
    assertTrue(verdict.passes(), verdict::message);
    assertEquals(0, SpecCompatibility.compare(baseline, repo.resolve("openapi/kling-api.yaml")).changes().size());
  }

  @Test
  void aCutForAReleasedEntryWithoutItsSpecSectionFailsByName(@TempDir Path repo) throws Exception {
    String changed = Files.readString(ReleasedSpecCompatibilityTest.CURRENT)
        .replaceFirst("(?m)^  version: .*$", "  version: 7.3.0");
    layOut(repo, changed, "# Changelog\n\n## 0.9.0\n\n### Spec 1.0.0\n\n- a\n\n### Java API\n\n- b\n");

    Process run = run(repo);
    String output = new String(run.getInputStream().readAllBytes());
    assertEquals(1, run.exitValue(), output);
    assertTrue(output.contains("CHANGELOG.md has no \"### Spec 7.3.0\" section"), output);
  }

  private static void layOut(Path repo, String spec, String changelog) throws IOException {
    Files.createDirectories(repo.resolve("openapi/released"));
    Files.copy(SCRIPT, repo.resolve(SCRIPT));
    Files.writeString(repo.resolve("openapi/kling-api.yaml"), spec);
    Files.copy(ReleasedSpecCompatibilityTest.BASELINE, repo.resolve("openapi/released/kling-api.yaml"));
    Files.writeString(repo.resolve("CHANGELOG.md"), changelog);
  }

  private static Process run(Path repo) throws Exception {
    Process process = new ProcessBuilder("bash", repo.resolve(SCRIPT).toString()).redirectErrorStream(true).start();
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), "cut-baseline.sh did not finish");
    return process;
  }
}
