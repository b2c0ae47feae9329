package io.github.klingjava.contract.report;

import java.util.List;

/** The matrix as Markdown: backends, totals, then one pivot table per section. */
final class MarkdownReport {

  private MarkdownReport() {
  }

  static String render(List<Matrix.RunRecord> runs, List<Row> rows) {
    StringBuilder md = new StringBuilder("# kling-java contract matrix\n\n");
    md.append("Status per operation x case x target. Targets: `mock/<backend>` is the Prism mock of the")
        .append(" spec, `live/<vendor>` a vendor behind `prism proxy`, `spec` a check of the document")
        .append(" alone.\n\n## Runs\n\n| Run | Requested | Backend | Prism | Notice |\n|---|---|---|---|---|\n");
    for (Matrix.RunRecord run : runs) {
      Matrix.RunInfo info = run.info();
      md.append("| ").append(info.run()).append(" | ").append(info.requested()).append(" | ")
          .append(info.backend()).append(" | ").append(cell(info.description())).append(" | ")
          .append(cell(info.notice().isEmpty() ? "-" : "**" + info.notice() + "**")).append(" |\n");
    }
    md.append("\n## Totals\n\n").append(Tally.describe(rows)).append(" (").append(rows.size())
        .append(" tests)\n\n");
    for (MatrixTable.Part part : MatrixTable.build(rows)) {
      md.append("## ").append(part.section().title()).append("\n\n| Operation | Case |");
      part.targets().forEach(t -> md.append(' ').append(t).append(" |"));
      md.append(" Notes |\n|---|---|");
      part.targets().forEach(t -> md.append("---|"));
      md.append("---|\n");
      for (MatrixTable.Line line : part.lines()) {
        md.append("| ").append(cell(line.operation())).append(" | ").append(cell(line.name())).append(" |");
        for (String target : part.targets()) {
          Status status = line.cells().get(target);
          md.append(' ').append(status == null ? "" : status.label()).append(" |");
        }
        md.append(' ').append(cell(String.join("; ", line.notes()))).append(" |\n");
      }
      md.append('\n');
      part.skips().forEach((target, reasons) -> md.append("- skipped on ").append(target).append(": ")
          .append(String.join("; ", reasons)).append('\n'));
      md.append(part.skips().isEmpty() ? "" : "\n");
    }
    return md.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
