package io.github.klingjava.contract.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.klingjava.contract.config.ContractConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the report when a run ends: this run's rows to {@code runs/<run>.json}, then the matrix of
 * every run of this build (the full suite and the smoke subset run in separate JVMs) to
 * {@code contract-matrix.md} and {@code .html}, and prints the one-screen summary. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.TestExecutionListener}.
 */
public final class ContractReportListener implements TestExecutionListener {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    Matrix.RunRecord current = Matrix.get().snapshot();
    if (current.rows().isEmpty() && current.info().notice().isEmpty()) {
      return; // a plan without contract tests (e.g. a filtered IDE run of a unit test)
    }
    try {
      Path dir = ContractConfig.reportDir();
      Path runs = dir.resolve("runs");
      Files.createDirectories(runs);
      JSON.writeValue(runs.resolve(current.info().run() + ".json").toFile(), current);
      List<Matrix.RunRecord> all = readAll(runs);
      List<Row> rows = new ArrayList<>();
      all.forEach(run -> rows.addAll(run.rows()));
      Path markdown = dir.resolve("contract-matrix.md");
      Path html = dir.resolve("contract-matrix.html");
      Files.writeString(markdown, MarkdownReport.render(all, rows), StandardCharsets.UTF_8);
      Files.writeString(html, HtmlReport.render(all, rows), StandardCharsets.UTF_8);
      System.out.println(SummaryText.render(current.info().run(), all, rows, markdown, html));
    } catch (IOException | RuntimeException e) {
      System.err.println("contract report: could not be written: " + e);
    }
  }

  private static List<Matrix.RunRecord> readAll(Path runs) throws IOException {
    List<Matrix.RunRecord> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(runs)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json"))
          .sorted(Comparator.comparing(ContractReportListener::order)).toList()) {
        all.add(JSON.readValue(file.toFile(), Matrix.RunRecord.class));
      }
    }
    return all;
  }

  /** The full suite first, then the smoke subset, then anything else by name. */
  private static String order(Path file) {
    String name = file.getFileName().toString();
    return (name.startsWith("full") ? "0" : name.startsWith("smoke") ? "1" : "2") + name;
  }
}
