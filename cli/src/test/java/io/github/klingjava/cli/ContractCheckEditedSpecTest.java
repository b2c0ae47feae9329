package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spec} checks a user's edited spec: a copy whose image count allows at most 4 (the client was
 * built with 9) must fail where client and spec disagree, exit 1, and the report must show the failures.
 */
class ContractCheckEditedSpecTest {
  @TempDir
  Path dir;

  @Test
  void anEditedSpecThatTheClientDisagreesWithFails() throws Exception {
    String spec = Files.readString(Repo.spec());
    int at = spec.indexOf("    ImageCount:");
    int max = spec.indexOf("maximum: 9", at);
    assertTrue(at > 0 && max > at, "the spec's ImageCount declares maximum 9");
    Path edited = Files.writeString(dir.resolve("my-kling-api.yaml"),
        spec.substring(0, max) + "maximum: 4" + spec.substring(max + "maximum: 9".length()));
    Path report = dir.resolve("report");
    Run run = Run.of(Map.of(), false, "contract", "check", "--spec", edited.toString(),
        "--prism-cli", Repo.prismCli().toString(), "--report", report.toString());
    assertEquals(Kling.FAILED, run.code(), run.toString());
    assertTrue(run.err().lines().anyMatch(l -> l.startsWith("FAILED ") && l.contains("maximum")), run.err());
    String html = Files.readString(report.resolve("contract-matrix.html"));
    assertTrue(html.contains("failed"), "the report shows the failures");
  }
}
