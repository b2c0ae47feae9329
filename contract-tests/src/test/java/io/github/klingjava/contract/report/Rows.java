package io.github.klingjava.contract.report;

import io.github.klingjava.contract.config.ContractConfig;
import org.opentest4j.TestAbortedException;

/** Runs a test body and records its matrix row, whatever the outcome. */
public final class Rows {

  /** A test body that may throw anything. */
  @FunctionalInterface
  public interface Body {
    /**
     * @param row the row, to mark a known deviation
     * @throws Throwable on failure (an {@link TestAbortedException} is a skip)
     */
    void run(RowHandle row) throws Throwable;
  }

  private Rows() {
  }

  /**
   * @param section the kind of test
   * @param operation the operationId
   * @param name the example or constraint
   * @param target where it runs
   * @param key the catalog key covered, or ""
   * @param body the test
   * @throws Throwable what the body threw
   */
  public static void run(Section section, String operation, String name, String target, String key,
      Body body) throws Throwable {
    RowHandle handle = new RowHandle();
    String run = ContractConfig.runName();
    try {
      body.run(handle);
      Status status = handle.deviation() == null ? Status.PASSED : Status.KNOWN_DEVIATION;
      String detail = handle.deviation() == null ? handle.note() : handle.deviation();
      Matrix.get().add(new Row(run, section, operation, name, target, status, oneLine(detail), key));
    } catch (TestAbortedException e) {
      Matrix.get().add(new Row(run, section, operation, name, target, Status.SKIPPED,
          oneLine(e.getMessage()), key));
      throw e;
    } catch (Throwable t) {
      Matrix.get().add(new Row(run, section, operation, name, target, Status.FAILED,
          oneLine(t.getClass().getSimpleName() + ": " + t.getMessage()), key));
      throw t;
    }
  }

  static String oneLine(String text) {
    if (text == null) {
      return "";
    }
    String line = text.replaceAll("\\s+", " ").trim();
    if (line.startsWith("Assumption failed: ")) {
      line = line.substring("Assumption failed: ".length());
    }
    return line.length() > 400 ? line.substring(0, 400) + "..." : line;
  }
}
