package io.github.klingjava.contract.prism;

import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Which backend this run uses, and why.
 *
 * @param backend the chosen backend
 * @param requested what was asked for: auto, docker or process
 * @param notice a loud notice for the summary ("" when there is nothing to say), e.g. that
 *     {@code auto} fell back to the process backend and docker was not exercised
 */
public record BackendSelection(PrismBackend backend, String requested, String notice) {

  /**
   * Chooses the backend of {@code kling.prism.backend}. An explicit choice whose prerequisites are
   * missing fails fast; {@code auto} takes docker when an engine answers and its image is usable,
   * else the process backend, with a notice that docker was not exercised.
   *
   * @param requested auto, docker or process
   * @return the selection, prerequisites checked
   * @throws PrerequisiteMissingException with one message naming the fix
   */
  public static BackendSelection choose(String requested) {
    return choose(requested, DockerPrismBackend::engineAnswers, DockerPrismBackend::new,
        ProcessPrismBackend::new);
  }

  static BackendSelection choose(String requested, BooleanSupplier engineAnswers,
      Supplier<? extends PrismBackend> docker, Supplier<? extends PrismBackend> process) {
    String mode = requested == null ? "auto" : requested.trim().toLowerCase(Locale.ROOT);
    switch (mode) {
      case "docker", "process" -> {
        PrismBackend backend = mode.equals("docker") ? docker.get() : process.get();
        backend.checkPrerequisites();
        return new BackendSelection(backend, mode, "");
      }
      case "auto" -> {
        String why;
        if (engineAnswers.getAsBoolean()) {
          PrismBackend candidate = docker.get();
          try {
            candidate.checkPrerequisites();
            return new BackendSelection(candidate, mode, "");
          } catch (PrerequisiteMissingException e) {
            why = e.getMessage();
          }
        } else {
          why = "no Docker engine answers (" + DockerPrismBackend.ENGINE_FIX + ")";
        }
        PrismBackend fallback = process.get();
        fallback.checkPrerequisites();
        return new BackendSelection(fallback, mode,
            "THE DOCKER BACKEND WAS NOT EXERCISED: kling.prism.backend=auto fell back to the process"
                + " backend because " + why);
      }
      default -> throw new PrerequisiteMissingException("unknown Prism backend '" + requested
          + "': set -Dkling.prism.backend (or KLING_PRISM_BACKEND) to auto, docker or process");
    }
  }
}
