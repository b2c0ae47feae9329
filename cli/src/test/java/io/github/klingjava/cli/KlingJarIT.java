package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.testing.LifecycleDouble;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built {@code kling.jar}, run as a user runs it ({@code java -jar}, after {@code package}): the README's
 * Quick start main job exactly as written, a family command with --json, and a bad input.
 */
class KlingJarIT {
  private static final Path JAR = Path.of(System.getProperty("kling.jar", "target/kling.jar"));

  record Result(int code, String out, String err) {
  }

  @Test
  void theQuickStartMainJobRunsAsWrittenAndLeavesTheHtmlReport() throws Exception {
    List<String> commands = quickStartCommands();
    assertEquals(2, commands.size(), "the Quick start block holds the test command and the main job: " + commands);
    assertEquals("./build.sh", commands.get(0), "the test command .ci/run calls");
    assertTrue(Files.readString(Repo.root().resolve(".ci/run")).contains("\n./build.sh\n"),
        ".ci/run runs the README's test command");
    String mainJob = commands.get(1);
    assertTrue(mainJob.startsWith("java -jar cli/target/kling.jar contract check"), mainJob);
    Path html = Repo.root().resolve("contract-report/contract-matrix.html");
    Files.deleteIfExists(html);
    List<String> argv = new ArrayList<>(List.of(mainJob.split(" ")));
    argv.set(0, javaBinary());
    Result run = exec(Repo.root(), Map.of(), argv);
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("kling-java contract tests - summary"), run.out());
    assertTrue(run.out().contains("contract check: "), run.out());
    assertTrue(Files.isRegularFile(html), "the HTML report is left at " + html);
  }

  @Test
  void aFamilyCommandThroughTheJarPrintsJsonThatParsesBack() throws Exception {
    try (LifecycleDouble kling = LifecycleDouble.create().start()) {
      Result run = exec(Repo.root(), Map.of("KLING_API_KEY", "test-fake-kling-key"), List.of(javaBinary(), "-jar",
          JAR.toString(), "image-generation", "submit", "-f", "prompt=fox", "--json", "--base-url", kling.baseUrl()));
      assertEquals(0, run.code(), run.err());
      Map<?, ?> data = (Map<?, ?>) FamilyCommandsTest.json(run.out()).get("data");
      assertEquals(kling.taskIds().get(0), data.get("task_id"));
    }
  }

  @Test
  void badInputThroughTheJarExitsTwoWithOneLine() throws Exception {
    Result run = exec(Repo.root(), Map.of("KLING_API_KEY", "test-fake-kling-key"), List.of(javaBinary(), "-jar",
        JAR.toString(), "image-generation", "submit", "-f", "prompt=fox", "-f", "n:=0",
        "--base-url", "http://127.0.0.1:9"));
    assertEquals(2, run.code(), run.err());
    assertEquals(List.of("kling: $.n: 0 is below the minimum 1 (rule minimum)"), run.err().lines().toList());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  /** The commands of the first code block under README.md's "## Quick start". */
  static List<String> quickStartCommands() throws IOException {
    String readme = Files.readString(Repo.root().resolve("README.md"));
    int section = readme.indexOf("\n## Quick start");
    assertTrue(section >= 0, "README.md has a ## Quick start section");
    int open = readme.indexOf("```", section);
    int start = readme.indexOf('\n', open) + 1;
    int close = readme.indexOf("```", start);
    return readme.substring(start, close).lines().map(String::trim)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private static Result exec(Path dir, Map<String, String> env, List<String> argv) throws Exception {
    Path out = Files.createTempFile("kling-out", ".txt");
    Path err = Files.createTempFile("kling-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    for (String variable : List.of("COMETAPI_API_KEY", "ANYAPI_API_KEY", "KLING_API_KEY", "KLING_ACCESS_KEY",
        "KLING_SECRET_KEY")) {
      builder.environment().remove(variable);
    }
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("kling.jar did not finish in 5 minutes: " + argv);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
