package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.vendor.TaskFamily;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The commands the double does not serve (list), and get, against Prism mocking the spec. */
class PrismCommandsTest {
  private static PrismMock prism;

  @BeforeAll
  static void start() throws Exception {
    prism = PrismMock.start();
  }

  @AfterAll
  static void stop() throws InterruptedException {
    prism.close();
  }

  @Test
  void listOfEveryFamilyAnswersWithTheSpecsExamplePage() {
    for (TaskFamily family : TaskFamily.tasks()) {
      if (family.operation("list").isEmpty()) {
        assertEquals(2, Run.of(FamilyCommands.commandName(family), "list").code(), family + ": no list, no command");
        continue;
      }
      Run run = Run.of(FamilyCommands.commandName(family), "list", "--size", "10", "--base-url", prism.baseUrl());
      assertEquals(0, run.code(), family + ": " + run);
      assertTrue(run.out().lines().anyMatch(l -> l.matches("\\d+ tasks?")), run.toString());
    }
  }

  @Test
  void listJsonParsesBack() {
    Run run = Run.of("image-to-video", "list", "--json", "--base-url", prism.baseUrl());
    assertEquals(0, run.code(), run.toString());
    Map<?, ?> page = FamilyCommandsTest.json(run.out());
    assertEquals(0.0, page.get("code"));
    assertFalse(((List<?>) page.get("data")).isEmpty(), run.out());
  }

  @Test
  void getThroughTheCometApiProfile() {
    Run run = Run.of(Map.of("COMETAPI_API_KEY", "test-fake-comet-key"), false, "image-generation", "get",
        "123456", "--vendor", "cometapi", "--base-url", prism.baseUrl(), "--json");
    assertEquals(0, run.code(), run.toString());
    assertTrue(((Map<?, ?>) FamilyCommandsTest.json(run.out()).get("data")).containsKey("task_status"), run.out());
  }
}
