package io.github.klingjava.contract.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The matrix as one self-contained HTML page (same content as the Markdown), failures first: a list of
 * every failed case at the top, each linking to its line (anchor {@code #<section>-<n>}), and within each
 * section the failed lines before the others.
 */
final class HtmlReport {

  private static final Map<Status, String> COLOURS = Map.of(
      Status.PASSED, "#d4f4d4", Status.FAILED, "#f8c8c8",
      Status.KNOWN_DEVIATION, "#fbeec0", Status.SKIPPED, "#e4e4e4");

  private HtmlReport() {
  }

  static String render(List<Matrix.RunRecord> runs, List<Row> rows) {
    List<MatrixTable.Part> parts = new ArrayList<>();
    for (MatrixTable.Part part : MatrixTable.build(rows)) {
      List<MatrixTable.Line> lines = new ArrayList<>(part.lines());
      lines.sort(Comparator.comparing(l -> !failed(l))); // stable: failures first, then the spec's order
      parts.add(new MatrixTable.Part(part.section(), part.targets(), lines, part.skips()));
    }
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>kling-java contract matrix</title><style>body{font-family:sans-serif;margin:2em}"
        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:3px 6px;"
        + "font-size:13px;vertical-align:top}th{background:#eee}.notice{font-weight:bold;color:#a00}"
        + "#failures{border:2px solid #a00;padding:0 1em;background:#fff4f4}tr:target{outline:3px solid #a00}"
        + "#no-failures{border:2px solid #2a2;padding:.5em 1em;background:#f4fff4}"
        + "</style></head><body>\n<h1>kling-java contract matrix</h1>\n");
    failures(html, parts);
    html.append("<h2>Runs</h2>\n<table><tr>"
        + "<th>Run</th><th>Requested</th><th>Backend</th><th>Prism</th><th>Notice</th></tr>\n");
    for (Matrix.RunRecord run : runs) {
      Matrix.RunInfo info = run.info();
      html.append("<tr><td>").append(esc(info.run())).append("</td><td>").append(esc(info.requested()))
          .append("</td><td>").append(esc(info.backend())).append("</td><td>")
          .append(esc(info.description())).append("</td><td class=\"notice\">")
          .append(esc(info.notice())).append("</td></tr>\n");
    }
    html.append("</table>\n<h2>Totals</h2>\n<p>").append(esc(Tally.describe(rows))).append(" (")
        .append(rows.size()).append(" tests)</p>\n");
    for (MatrixTable.Part part : parts) {
      table(html, part);
    }
    return html.append("</body></html>\n").toString();
  }

  /** The failed lines of every section, each a link to its line in the matrix. */
  private static void failures(StringBuilder html, List<MatrixTable.Part> parts) {
    List<String> items = new ArrayList<>();
    for (MatrixTable.Part part : parts) {
      for (int i = 0; i < part.lines().size(); i++) {
        MatrixTable.Line line = part.lines().get(i);
        if (failed(line)) {
          items.add("<li><a href=\"#" + anchor(part, i) + "\">" + esc(part.section().title()) + ": "
              + esc(line.operation()) + " / " + esc(line.name()) + "</a> " + esc(String.join("; ", line.notes()))
              + "</li>");
        }
      }
    }
    if (items.isEmpty()) {
      html.append("<p id=\"no-failures\">No failures.</p>\n");
      return;
    }
    html.append("<div id=\"failures\"><h2>Failures (").append(items.size()).append(")</h2>\n<ol>\n");
    items.forEach(item -> html.append(item).append('\n'));
    html.append("</ol></div>\n");
  }

  private static void table(StringBuilder html, MatrixTable.Part part) {
    html.append("<h2 id=\"").append(part.section().name().toLowerCase(java.util.Locale.ROOT)).append("\">")
        .append(esc(part.section().title())).append("</h2>\n<table><tr><th>Operation</th><th>Case</th>");
    part.targets().forEach(t -> html.append("<th>").append(esc(t)).append("</th>"));
    html.append("<th>Notes</th></tr>\n");
    for (int i = 0; i < part.lines().size(); i++) {
      MatrixTable.Line line = part.lines().get(i);
      html.append("<tr id=\"").append(anchor(part, i)).append("\"><td>").append(esc(line.operation()))
          .append("</td><td>").append(esc(line.name())).append("</td>");
      for (String target : part.targets()) {
        Status status = line.cells().get(target);
        html.append(status == null ? "<td></td>" : "<td style=\"background:" + COLOURS.get(status)
            + "\">" + status.label() + "</td>");
      }
      html.append("<td>").append(esc(String.join("; ", line.notes()))).append("</td></tr>\n");
    }
    html.append("</table>\n");
    if (!part.skips().isEmpty()) {
      html.append("<ul>");
      part.skips().forEach((target, reasons) -> html.append("<li>skipped on ").append(esc(target))
          .append(": ").append(esc(String.join("; ", reasons))).append("</li>"));
      html.append("</ul>\n");
    }
  }

  private static boolean failed(MatrixTable.Line line) {
    return line.cells().containsValue(Status.FAILED);
  }

  /** A stable id per line: its section and position in the (failures-first) table. */
  private static String anchor(MatrixTable.Part part, int index) {
    return part.section().name().toLowerCase(java.util.Locale.ROOT) + "-" + (index + 1);
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
