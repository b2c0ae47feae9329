package io.github.klingjava.contract.live;

import io.github.klingjava.contract.config.ContractConfig;
import io.github.klingjava.contract.report.Matrix;
import io.github.klingjava.contract.report.Row;
import io.github.klingjava.contract.report.RowHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Proves the target's secrets were never printed: not in what the tests printed (captured), not in
 * the Prism logs, not in the matrix rows. For the stand-in it also proves the key did travel, through
 * the proxy, to the upstream. The secret itself never appears in a message.
 */
final class SecretCheck {

  private SecretCheck() {
  }

  static void run(LiveSession s, RowHandle row) {
    List<String> secrets = s.target().secrets().get();
    if (secrets.isEmpty()) {
      throw new AssertionError(s.target().name() + ": no secret to look for");
    }
    List<String[]> places = new ArrayList<>();
    places.add(new String[] {"the output printed while the live tests ran", s.output()});
    for (Row r : Matrix.get().snapshot().rows()) {
      places.add(new String[] {"the matrix row " + r.operation() + " " + r.name(), r.detail()});
    }
    logs().forEach(file -> places.add(new String[] {"the log " + file.getFileName(), read(file)}));
    String leak = findLeak(secrets, places);
    if (leak != null) {
      throw new AssertionError(s.target().name() + ": " + leak);
    }
    if (s.standIn() != null) {
      if (s.standIn().authorizedRequests() == 0 || s.standIn().rejectedRequests() > 0) {
        throw new AssertionError(s.target().name() + ": the key did not reach the upstream through the"
            + " proxy intact (authorized " + s.standIn().authorizedRequests() + ", rejected "
            + s.standIn().rejectedRequests() + ")");
      }
    }
    row.note("checked " + places.size() + " places for " + secrets.size() + " secret(s); "
        + s.output().length() + " characters of output captured");
  }

  /**
   * @param secrets the secret values
   * @param places {description, text} pairs
   * @return a message naming the place of the first leak (never the secret), or null
   */
  static String findLeak(List<String> secrets, List<String[]> places) {
    for (String[] place : places) {
      for (String secret : secrets) {
        if (place[1] != null && place[1].contains(secret)) {
          return "a secret (length " + secret.length() + ") appears in " + place[0];
        }
      }
    }
    return null;
  }

  private static List<Path> logs() {
    Path dir = ContractConfig.reportDir().resolve("prism-logs");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
