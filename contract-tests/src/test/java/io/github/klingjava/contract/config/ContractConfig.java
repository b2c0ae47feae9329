package io.github.klingjava.contract.config;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Every knob of the suite, read from a system property first and an environment variable second.
 * The pom passes its defaults as system properties; a bare IDE run falls back to the defaults here.
 */
public final class ContractConfig {

  private ContractConfig() {
  }

  /** @return {@code kling.spec}: the spec file (it may not exist: then the jar's copy is used) */
  public static Path specPath() {
    return Path.of(get("kling.spec", "KLING_SPEC", "../openapi/kling-api.yaml"));
  }

  /** @return {@code kling.prism.backend}: auto, docker or process (lower case) */
  public static String backend() {
    return get("kling.prism.backend", "KLING_PRISM_BACKEND", "auto").trim().toLowerCase(Locale.ROOT);
  }

  /** @return {@code kling.prism.cli}: the locally installed Prism CLI (a node script) */
  public static Path prismCli() {
    return Path.of(get("kling.prism.cli", "KLING_PRISM_CLI", "../openapi/node_modules/.bin/prism"));
  }

  /** @return {@code kling.prism.image}: the Prism image of the docker backend */
  public static String image() {
    return get("kling.prism.image", "KLING_PRISM_IMAGE", "stoplight/prism:5.14.2");
  }

  /** @return {@code kling.prism.localImage}: the registry-free stand-in image, tried second */
  public static String localImage() {
    return get("kling.prism.localImage", "KLING_PRISM_LOCAL_IMAGE", "kling-java/prism-local:5.14.2");
  }

  /** @return whether the live tests run against the local stand-in upstream */
  public static boolean liveStandIn() {
    return Boolean.parseBoolean(get("kling.live.standin", "KLING_LIVE_STANDIN", "true"));
  }

  /** @return {@code kling.live.maxTasks}: the cap on tasks created per live target and run */
  public static int liveMaxTasks() {
    return Integer.parseInt(get("kling.live.maxTasks", "KLING_LIVE_MAX_TASKS", "2").trim());
  }

  /** @return where the matrix and the Prism logs go */
  public static Path reportDir() {
    return Path.of(get("kling.report.dir", "KLING_REPORT_DIR", "target/contract-report"));
  }

  /** @return the name of this run in the report ({@code full} or {@code smoke}) */
  public static String runName() {
    return get("kling.report.run", "KLING_REPORT_RUN", "full");
  }

  /**
   * @param property the system property
   * @param env the environment variable consulted when the property is unset or blank
   * @param fallback the default
   * @return the first non-blank value
   */
  public static String get(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = env == null ? null : System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value;
  }
}
