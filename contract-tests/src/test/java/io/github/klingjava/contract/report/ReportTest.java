package io.github.klingjava.contract.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matrix pivots rows into operation x case x target, and the summary fits one screen. */
class ReportTest {

  private final List<Row> rows = List.of(
      new Row("full", Section.EXAMPLE, "getImageGenerationTask", "succeed", "mock/docker", Status.PASSED, "", "k1"),
      new Row("smoke", Section.EXAMPLE, "getImageGenerationTask", "succeed", "mock/process", Status.FAILED,
          "AssertionError: boom", "k1"),
      new Row("full", Section.LIVE, "createImageGenerationTask", "cheapest", "live/cometapi via docker",
          Status.SKIPPED, "COMETAPI_API_KEY is not set", ""),
      new Row("full", Section.CONSTRAINT, "createImageExpansionTask", "$ area", "mock/docker",
          Status.KNOWN_DEVIATION, "x-kling-rules: client only", "k2"));
  private final List<Matrix.RunRecord> runs = List.of(new Matrix.RunRecord(
      new Matrix.RunInfo("full", "process", "auto", "prism-cli 5.14.2", "THE DOCKER BACKEND WAS NOT EXERCISED: x"),
      Map.of(Section.EXAMPLE, List.of("k1", "k0")), rows));

  @Test
  void markdownHasOneColumnPerTargetAndTheSkipReasons() {
    String md = MarkdownReport.render(runs, rows);
    assertTrue(md.contains("| Operation | Case | mock/docker | mock/process | Notes |"), md);
    assertTrue(md.contains("| getImageGenerationTask | succeed | passed | failed |"), md);
    assertTrue(md.contains("skipped on live/cometapi via docker: COMETAPI_API_KEY is not set"), md);
    assertTrue(md.contains("**THE DOCKER BACKEND WAS NOT EXERCISED: x**"), md);
  }

  @Test
  void htmlEscapesAndColours() {
    String html = HtmlReport.render(runs, rows);
    assertTrue(html.contains("<td style=\"background:#f8c8c8\">failed</td>"), html);
  }

  @Test
  void htmlListsFailuresFirstEachLinkingToItsLine() {
    List<Row> more = new java.util.ArrayList<>(rows);
    more.add(0, new Row("full", Section.EXAMPLE, "getImageGenerationTask", "aaa-first-in-order", "mock/docker",
        Status.PASSED, "", "k0"));
    String html = HtmlReport.render(runs, more);
    int failures = html.indexOf("<div id=\"failures\"><h2>Failures (1)</h2>");
    assertTrue(failures > 0 && failures < html.indexOf("<h2>Runs</h2>"), "failures come first: " + html);
    java.util.regex.Matcher link = java.util.regex.Pattern.compile("<li><a href=\"#([a-z_]+-\\d+)\">Named"
        + "[^<]*getImageGenerationTask / succeed</a>").matcher(html);
    assertTrue(link.find(), html);
    String row = "<tr id=\"" + link.group(1) + "\"><td>getImageGenerationTask</td><td>succeed</td>";
    assertTrue(html.contains(row), "the anchor names the failed line: " + html);
    int table = html.indexOf("<h2 id=\"example\">");
    assertTrue(html.indexOf(row, table) < html.indexOf("aaa-first-in-order", table),
        "within its section the failed line comes before the passed ones");
    assertTrue(HtmlReport.render(runs, rows.subList(0, 1)).contains("<p id=\"no-failures\">No failures.</p>"));
  }

  @Test
  void summaryCountsCoverageAndShowsTheNoticeOnOneScreen() {
    String text = SummaryText.render("full", runs, rows, Path.of("m.md"), Path.of("m.html"));
    assertTrue(text.contains("2 declared in the spec, 1 covered"), text);
    assertTrue(text.contains("NOT COVERED: k0"), text);
    assertTrue(text.contains("!!! THE DOCKER BACKEND WAS NOT EXERCISED"), text);
    assertTrue(text.lines().count() <= 40, "one screen: " + text.lines().count() + " lines");
  }
}
