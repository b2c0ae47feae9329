package io.github.klingjava.contract.prism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Backend choice and fail-fast messages, without starting anything. */
class BackendSelectionTest {

  private static PrismBackend fake(String name, String missing) {
    return new PrismBackend() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void checkPrerequisites() {
        if (missing != null) {
          throw new PrerequisiteMissingException(missing);
        }
      }

      @Override
      public PrismInstance start(Path spec, PrismCommand command, String logName) {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void autoTakesDockerWhenTheEngineAnswersAndTheImageIsUsable() {
    BackendSelection s = BackendSelection.choose("auto", () -> true, () -> fake("docker", null),
        () -> fake("process", null));
    assertEquals("docker", s.backend().name());
    assertEquals("", s.notice());
  }

  @Test
  void autoFallsBackToProcessWithALoudNoticeWhenNoEngineAnswers() {
    BackendSelection s = BackendSelection.choose("auto", () -> false, () -> fake("docker", null),
        () -> fake("process", null));
    assertEquals("process", s.backend().name());
    assertTrue(s.notice().startsWith("THE DOCKER BACKEND WAS NOT EXERCISED"), s.notice());
    assertTrue(s.notice().contains(".ci/docker-engine.sh"), s.notice());
  }

  @Test
  void autoFallsBackWhenTheImageIsMissingAndSaysWhy() {
    BackendSelection s = BackendSelection.choose("auto", () -> true,
        () -> fake("docker", "docker backend: Prism image x cannot be pulled: build it"), () -> fake("process", null));
    assertEquals("process", s.backend().name());
    assertTrue(s.notice().contains("cannot be pulled"), s.notice());
  }

  @Test
  void anExplicitBackendFailsFastWithOneMessageNamingTheFix() {
    PrerequisiteMissingException e = assertThrows(PrerequisiteMissingException.class,
        () -> BackendSelection.choose("process", () -> true, () -> fake("docker", null),
            () -> new ProcessPrismBackend(Path.of("/nonexistent/node_modules/.bin/prism"))));
    assertTrue(e.getMessage().contains("npm ci --prefix openapi"), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), "one line");
  }

  @Test
  void anUnknownBackendNamesTheChoices() {
    PrerequisiteMissingException e = assertThrows(PrerequisiteMissingException.class,
        () -> BackendSelection.choose("podman", () -> true, () -> fake("docker", null), () -> fake("process", null)));
    assertTrue(e.getMessage().contains("auto, docker or process"), e.getMessage());
  }

  @Test
  void prismArgumentsListenOnLoopbackOnly() {
    assertEquals(java.util.List.of("proxy", "-m", "false", "-h", "127.0.0.1", "-p", "4010", "/tmp/spec.yaml",
        "http://127.0.0.1:9/kling"), PrismCommand.proxy("http://127.0.0.1:9/kling").arguments(4010, "/tmp/spec.yaml"));
  }
}
