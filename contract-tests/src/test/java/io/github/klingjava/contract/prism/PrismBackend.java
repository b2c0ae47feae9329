package io.github.klingjava.contract.prism;

import java.nio.file.Path;

/**
 * Something that can start Prism: a container ({@link DockerPrismBackend}) or a local node process
 * ({@link ProcessPrismBackend}).
 */
public interface PrismBackend {

  /** @return {@code docker} or {@code process} */
  String name();

  /**
   * Checks, fast and without side effects, whether this backend can start Prism here.
   *
   * @throws PrerequisiteMissingException naming what is missing and the fix
   */
  void checkPrerequisites();

  /**
   * Starts Prism on a free loopback port and returns once it listens.
   *
   * @param spec the spec file
   * @param command mock or proxy
   * @param logName file name (without directory) for Prism's output
   * @return the running instance
   * @throws PrerequisiteMissingException when a prerequisite is missing
   * @throws IllegalStateException when Prism does not come up
   */
  PrismInstance start(Path spec, PrismCommand command, String logName);
}
