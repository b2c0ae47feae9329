package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/**
 * {@code kling contract check} in-process against the embedded Prism mock (process backend): the whole
 * suite, the matrix summary on stdout, Markdown, HTML and JUnit XML in --report, exit 0. (One check per
 * JVM: the suite's matrix is per process, so the pom forks a JVM per test class.)
 */
class ContractCheckMockTest {
  @TempDir
  Path report;

  @Test
  void theMockCheckPassesPrintsTheSummaryAndWritesEveryReport() throws Exception {
    Run run = Run.of(java.util.Map.of(), false, "contract", "check", "--backend", "process",
        "--spec", Repo.spec().toString(), "--prism-cli", Repo.prismCli().toString(), "--report", report.toString());
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("kling-java contract tests - summary"), run.out());
    assertTrue(run.out().contains("backend process"), run.out());
    assertTrue(run.out().contains("live/standin-cometapi"), "the local stand-in runs: " + run.out());
    assertTrue(run.out().lines().anyMatch(l -> l.matches("contract check: \\d+ passed, 0 failed, \\d+ skipped.*")),
        run.out());
    assertTrue(Files.readString(report.resolve("contract-matrix.md")).contains("Named examples"));
    assertTrue(Files.readString(report.resolve("contract-matrix.html")).startsWith("<!DOCTYPE html>"));
    Path xml = report.resolve("junit/TEST-junit-jupiter.xml");
    Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
    int tests = Integer.parseInt(junit.getDocumentElement().getAttribute("tests"));
    assertTrue(tests > 400, "JUnit XML holds the suite: " + tests);
    assertEquals("0", junit.getDocumentElement().getAttribute("failures"));
  }
}
