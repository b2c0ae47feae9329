package io.github.klingjava.contract.prism;

import io.github.klingjava.contract.config.ContractConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The spec as a file Prism can read: {@code kling.spec} (default {@code ../openapi/kling-api.yaml})
 * when it exists, else the copy inside the kling-java jar, written to a temporary file.
 *
 * @param path the file
 * @param origin where it came from, for the report
 */
public record SpecFile(Path path, String origin) {

  /** The spec inside the kling-java jar. */
  public static final String RESOURCE = "io/github/klingjava/openapi/kling-api.yaml";

  /** @return the spec file to use */
  public static SpecFile locate() {
    Path configured = ContractConfig.specPath();
    if (Files.isRegularFile(configured)) {
      return new SpecFile(configured.toAbsolutePath().normalize(), configured.toString());
    }
    try (InputStream in = SpecFile.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("no spec: " + configured.toAbsolutePath()
            + " does not exist and the kling-java jar has no " + RESOURCE
            + " (set -Dkling.spec=<path to kling-api.yaml>)");
      }
      Path copy = Files.createTempFile("kling-api-", ".yaml");
      copy.toFile().deleteOnExit();
      Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      return new SpecFile(copy, "jar resource " + RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the spec out of the jar", e);
    }
  }
}
