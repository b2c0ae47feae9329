package io.github.klingjava.contract.report;

import java.util.List;
import java.util.Map;

/** The matrix as one self-contained HTML page (same content as the Markdown). */
final class HtmlReport {

  private static final Map<Status, String> COLOURS = Map.of(
      Status.PASSED, "#d4f4d4", Status.FAILED, "#f8c8c8",
      Status.KNOWN_DEVIATION, "#fbeec0", Status.SKIPPED, "#e4e4e4");

  private HtmlReport() {
  }

  static String render(List<Matrix.RunRecord> runs, List<Row> rows) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>kling-java contract matrix</title><style>body{font-family:sans-serif;margin:2em}"
        + "table{border-collapse:collapse;margin-bottom:2em}td,th{border:1px solid #bbb;padding:3px 6px;"
        + "font-size:13px;vertical-align:top}th{background:#eee}.notice{font-weight:bold;color:#a00}"
        + "</style></head><body>\n<h1>kling-java contract matrix</h1>\n<h2>Runs</h2>\n<table><tr>"
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
    for (MatrixTable.Part part : MatrixTable.build(rows)) {
      html.append("<h2>").append(esc(part.section().title())).append("</h2>\n<table><tr><th>Operation</th><th>Case</th>");
      part.targets().forEach(t -> html.append("<th>").append(esc(t)).append("</th>"));
      html.append("<th>Notes</th></tr>\n");
      for (MatrixTable.Line line : part.lines()) {
        html.append("<tr><td>").append(esc(line.operation())).append("</td><td>")
            .append(esc(line.name())).append("</td>");
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
    return html.append("</body></html>\n").toString();
  }

  private static String esc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
