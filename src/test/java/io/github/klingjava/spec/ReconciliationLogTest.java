package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each reconciliation row names tests that pin it; those tests must exist. */
class ReconciliationLogTest {
  private static final Pattern TEST_REF = Pattern.compile("`([A-Z][A-Za-z0-9]*Test)(?:#([a-zA-Z0-9_]+))?`");
  private static final Pattern ROW = Pattern.compile("^\\| (R\\d{2}) \\|", Pattern.MULTILINE);

  @Test
  void everyPinningTestExists() throws IOException {
    String log = Files.readString(SeedLedger.RECONCILIATION);
    List<String> missing = new ArrayList<>();
    Matcher m = TEST_REF.matcher(log);
    while (m.find()) {
      String source = findTestSource(m.group(1));
      if (source == null) {
        missing.add(m.group(1) + " (no such test class)");
      } else if (m.group(2) != null && !source.contains(" " + m.group(2) + "(")) {
        missing.add(m.group(1) + "#" + m.group(2) + " (no such method)");
      }
    }
    assertEquals(List.of(), missing, "RECONCILIATION.md names tests that do not exist");
  }

  @Test
  void rowsAreNumberedWithoutGaps() throws IOException {
    Matcher m = ROW.matcher(Files.readString(SeedLedger.RECONCILIATION));
    int expected = 1;
    while (m.find()) {
      assertEquals(String.format("R%02d", expected), m.group(1));
      expected++;
    }
    assertTrue(expected > 40, "rows: " + (expected - 1));
  }

  private static String findTestSource(String className) {
    for (Path root : List.of(Path.of("src/test/java"), Path.of("contract-tests/src/test/java"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        Path hit = files.filter(p -> p.getFileName().toString().equals(className + ".java")).findFirst().orElse(null);
        if (hit != null) {
          return Files.readString(hit);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return null;
  }
}
