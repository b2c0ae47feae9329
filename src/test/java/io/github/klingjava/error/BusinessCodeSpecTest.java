package io.github.klingjava.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Keeps {@link BusinessCode} equal to the spec's {@code x-kling-business-codes} table. */
class BusinessCodeSpecTest {

  private static final Path SPEC = Path.of("openapi", "kling-api.yaml");
  private static final Pattern ROW = Pattern.compile(
      "^\\s+- \\{code: (\\d+), http: (\\d+), family: ([a-z-]+), retryable: (true|false),.*$");

  @Test
  void enumMatchesTheSpecTableRowForRow() throws IOException {
    List<String> fromSpec = new ArrayList<>();
    for (String line : specTable()) {
      Matcher m = ROW.matcher(line);
      assertTrue(m.matches(), "unreadable table row: " + line);
      if (!"success".equals(m.group(3))) {
        fromSpec.add(m.group(1) + " " + m.group(2) + " " + family(m.group(3)) + " " + m.group(4));
      }
    }
    List<String> fromEnum = new ArrayList<>();
    for (BusinessCode row : BusinessCode.values()) {
      fromEnum.add(row.code() + " " + row.httpStatus() + " " + row.family() + " " + row.isRetryable());
    }
    assertEquals(fromSpec, fromEnum);
  }

  private static List<String> specTable() throws IOException {
    List<String> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : Files.readAllLines(SPEC)) {
      if (line.startsWith("x-kling-business-codes:")) {
        inTable = true;
      } else if (inTable && line.startsWith("  - ")) {
        rows.add(line);
      } else if (inTable) {
        break;
      }
    }
    assertEquals(22, rows.size(), "rows of x-kling-business-codes in " + SPEC);
    return rows;
  }

  private static String family(String specFamily) {
    return specFamily.replace('-', '_').toUpperCase(Locale.ROOT);
  }
}
