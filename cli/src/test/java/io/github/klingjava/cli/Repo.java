package io.github.klingjava.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of this repository, for tests that need the spec, the pinned Prism or the built jar. */
final class Repo {
  private Repo() {
  }

  /** The repository root (the pom passes it; a bare IDE run in cli/ falls back to ..). */
  static Path root() {
    return Path.of(System.getProperty("kling.repo.dir", "..")).toAbsolutePath().normalize();
  }

  static Path spec() {
    return root().resolve("openapi/kling-api.yaml");
  }

  static Path prismCli() {
    Path cli = root().resolve("openapi/node_modules/.bin/prism");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException("the pinned Prism is not installed: " + cli
          + " (npm ci --prefix openapi --no-audit --no-fund; ./build.sh does it when it is missing)");
    }
    return cli;
  }
}
