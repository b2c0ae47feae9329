package io.github.klingjava.contract.report;

import io.github.klingjava.contract.config.ContractConfig;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rows of this JVM's run, collected by {@link Rows} and written out by
 * {@link ContractReportListener} when the run ends. One per JVM (Surefire runs each execution in
 * its own JVM, so each execution has its own and the listener merges them on disk).
 */
public final class Matrix {

  private static final Matrix INSTANCE = new Matrix();

  private final List<Row> rows = new ArrayList<>();
  private final Map<Section, Set<String>> declared = new EnumMap<>(Section.class);
  private RunInfo backend;

  private Matrix() {
  }

  /** @return the run's matrix */
  public static Matrix get() {
    return INSTANCE;
  }

  /** @param row a finished test */
  public synchronized void add(Row row) {
    rows.add(row);
  }

  /**
   * Declares what the spec holds, so the summary can show coverage: every key should have at
   * least one row.
   *
   * @param section named examples or constraints
   * @param keys the catalog's keys
   */
  public synchronized void declare(Section section, Iterable<String> keys) {
    Set<String> set = declared.computeIfAbsent(section, s -> new TreeSet<>());
    keys.forEach(set::add);
  }

  /**
   * @param backend docker or process
   * @param requested what was asked for
   * @param description image or CLI, start time
   * @param notice a loud notice, or ""
   */
  public synchronized void backendUsed(String backend, String requested, String description,
      String notice) {
    this.backend = new RunInfo(ContractConfig.runName(), backend, requested, description, notice);
  }

  /** @return a snapshot of this JVM's run */
  public synchronized RunRecord snapshot() {
    Map<Section, List<String>> keys = new EnumMap<>(Section.class);
    declared.forEach((section, set) -> keys.put(section, new ArrayList<>(set)));
    RunInfo info = backend != null ? backend
        : new RunInfo(ContractConfig.runName(), "none", ContractConfig.backend(), "no Prism started", "");
    return new RunRecord(info, keys, new ArrayList<>(rows));
  }

  /**
   * Which backend a run used.
   *
   * @param run full or smoke
   * @param backend docker, process, or none
   * @param requested auto, docker or process
   * @param description what ran
   * @param notice a loud notice, or ""
   */
  public record RunInfo(String run, String backend, String requested, String description,
      String notice) {
  }

  /**
   * Everything one run produced, as written to disk.
   *
   * @param info the backend
   * @param declared catalog keys per section
   * @param rows the rows
   */
  public record RunRecord(RunInfo info, Map<Section, List<String>> declared, List<Row> rows) {
  }
}
