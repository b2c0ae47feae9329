package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.squareup.moshi.Moshi;
import io.github.klingjava.testing.LifecycleDouble;
import io.github.klingjava.testing.RecordedRequest;
import io.github.klingjava.testing.TaskScript;
import io.github.klingjava.vendor.TaskFamily;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every family command against the lifecycle double on 127.0.0.1, in-process. */
class FamilyCommandsTest {
  private LifecycleDouble kling;

  @TempDir
  Path dir;

  @BeforeEach
  void start() {
    kling = LifecycleDouble.create().start();
  }

  @AfterEach
  void stop() {
    kling.close();
  }

  private String[] args(String... rest) {
    return Stream.concat(Stream.of(rest), Stream.of("--base-url", kling.baseUrl())).toArray(String[]::new);
  }

  @Test
  void everyFamilyOfTheClientHasItsFourCommands() {
    for (TaskFamily family : TaskFamily.tasks()) {
      String name = family.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
      List<String> subs = family.operation("list").isPresent() ? List.of("submit", "get", "list", "wait")
          : List.of("submit", "get", "wait"); // list only where the spec documents one
      for (String sub : subs) {
        Run run = Run.of(name, sub, "--help");
        assertEquals(0, run.code(), run.toString());
        assertTrue(run.out().startsWith("Usage: kling " + name + " " + sub), run.toString());
      }
    }
  }

  @Test
  void submitPrintsTheTaskAndSendsTheFieldsAsWireJson() {
    Run run = Run.of(args("image-generation", "submit", "-f", "prompt=A red fox", "-f", "n:=2",
        "-f", "external_task_id=order-1"));
    assertEquals(0, run.code(), run.toString());
    assertTrue(run.out().contains("task_id  " + kling.taskIds().get(0)), run.toString());
    assertTrue(run.out().contains("status   submitted"), run.toString());
    Map<?, ?> sent = json(kling.requests().get(0).bodyText());
    assertEquals("A red fox", sent.get("prompt"));
    assertEquals(2.0, sent.get("n"));
    assertEquals("order-1", sent.get("external_task_id"));
  }

  @Test
  void jsonOutputParsesBackToTheAnswer() {
    Run run = Run.of(args("image-generation", "submit", "-f", "prompt=fox", "--json"));
    assertEquals(0, run.code(), run.toString());
    Map<?, ?> answer = json(run.out());
    assertEquals(0.0, answer.get("code"));
    Map<?, ?> data = (Map<?, ?>) answer.get("data");
    assertEquals(kling.taskIds().get(0), data.get("task_id"));
    assertEquals("submitted", data.get("task_status"));

    Run get = Run.of(args("image-generation", "get", kling.taskIds().get(0), "--json"));
    assertEquals(0, get.code(), get.toString());
    assertEquals("processing", ((Map<?, ?>) json(get.out()).get("data")).get("task_status"));
  }

  @Test
  void waitPrintsOnePlainProgressLinePerPollWhenNotATerminalAndSavesTheResults() throws IOException {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(2).results(2).build());
    Path out = dir.resolve("out");
    Run run = Run.of(args("image-generation", "submit", "-f", "prompt=fox", "--wait",
        "--poll-interval", "20ms", "--out", out.toString(), "--allow-download-range", "127.0.0.1/32"));
    assertEquals(0, run.code(), run.toString());
    String id = kling.taskIds().get(0);
    List<String> progress = run.err().lines().filter(l -> l.startsWith("image-generation " + id))
        .collect(Collectors.toList());
    assertEquals("image-generation " + id + ": submitted", progress.get(0));
    assertTrue(progress.get(1).matches(".*: processing, \\d+\\.\\ds elapsed, 1 poll"), progress.toString());
    assertTrue(progress.get(2).matches(".*: processing, \\d+\\.\\ds elapsed, 2 polls"), progress.toString());
    assertTrue(progress.get(3).matches(".*: succeed, \\d+\\.\\ds elapsed, 3 polls"), progress.toString());
    assertFalse(run.err().contains("\r"), "no carriage returns in a log");
    assertTrue(run.out().contains("status   succeed"), run.toString());
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(2, files.count(), run.toString());
    }
    assertEquals(2, run.out().lines().filter(l -> l.startsWith("saved ")).count(), run.toString());
  }

  @Test
  void onATerminalTheProgressLineIsRewrittenInPlace() {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(1).build());
    Run submit = Run.of(args("image-generation", "submit", "-f", "prompt=fox"));
    String id = kling.taskIds().get(0);
    Run run = Run.of(Run.ENV, true, args("image-generation", "wait", id, "--poll-interval", "10ms"));
    assertEquals(0, run.code(), submit + "\n" + run);
    assertTrue(run.err().startsWith("\r\033[Kimage-generation " + id + ": processing"), run.toString());
    assertTrue(run.err().contains("\r\033[Kimage-generation " + id + ": succeed"), run.toString());
    assertTrue(run.err().endsWith("\n"), "the line ends when the wait does");
  }

  @Test
  void aFailedTaskExitsOneWithItsMessage() {
    kling.enqueue(TaskScript.builder().pollsBeforeOutcome(0).fail("content review").build());
    Run run = Run.of(args("image-to-video", "submit", "-f", "image=https://example.com/cat.jpg", "--wait",
        "--poll-interval", "10ms"));
    assertEquals(Kling.FAILED, run.code(), run.toString());
    assertTrue(run.err().contains("failed: content review"), run.toString());
    assertFalse(run.err().contains("\tat "), "no stack trace without --debug");
  }

  @Test
  void aLocalImageFileIsCheckedAndSentAsRawBase64() throws IOException {
    Path png = dir.resolve("fox.png");
    ImageIO.write(new BufferedImage(320, 320, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
    Run run = Run.of(args("image-to-video", "submit", "-f", "image=@" + png, "-f", "prompt=slow push in"));
    assertEquals(0, run.code(), run.toString());
    RecordedRequest sent = kling.requests().get(0);
    assertTrue(sent.path().endsWith("/v1/videos/image2video"), sent.path());
    assertEquals(Base64.getEncoder().encodeToString(Files.readAllBytes(png)), json(sent.bodyText()).get("image"));
  }

  @Test
  void theBodyFileAndFieldsCombineFieldsWinning() throws IOException {
    Path body = Files.writeString(dir.resolve("req.json"), "{\"prompt\": \"old\", \"negative_prompt\": \"blur\"}");
    Run run = Run.of(args("image-generation", "submit", "--body", body.toString(), "-f", "prompt=new"));
    assertEquals(0, run.code(), run.toString());
    Map<?, ?> sent = json(kling.requests().get(0).bodyText());
    assertEquals("new", sent.get("prompt"));
    assertEquals("blur", sent.get("negative_prompt"));
  }

  @Test
  void getByExternalIdUsesThePathSlot() {
    Run.of(args("image-generation", "submit", "-f", "prompt=fox", "-f", "external_task_id=order-7"));
    Run run = Run.of(args("image-generation", "get", "order-7", "--external"));
    assertNotNull(kling.requests().get(1));
    assertTrue(kling.requests().get(1).path().endsWith("/order-7"), kling.requests().get(1).path());
    assertEquals(0, run.code(), run.toString());
  }

  static Map<?, ?> json(String text) {
    try {
      return (Map<?, ?>) new Moshi.Builder().build().adapter(Object.class).fromJson(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
