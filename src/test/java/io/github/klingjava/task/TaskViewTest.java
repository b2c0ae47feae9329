package io.github.klingjava.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.generated.model.FinalBalanceDeduction;
import io.github.klingjava.generated.model.NewStandardTask;
import io.github.klingjava.generated.model.ResultVideo;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResult;
import io.github.klingjava.json.KlingMoshi;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both standards read the same through {@link TaskView}: succeed and succeeded, outputs, message, billing. */
class TaskViewTest {
  private static final String NEW_ITEM = "{\"id\":\"893605946402811985\",\"status\":\"succeeded\",\"message\":\"\","
      + "\"create_time\":1781080778802,\"update_time\":1781080794151,\"external_id\":\"mine\",\"outputs\":["
      + "{\"type\":\"video\",\"id\":\"v1\",\"url\":\"https://cdn.example.com/v.mp4\",\"duration\":\"5.1\"},"
      + "{\"type\":\"audio\",\"id\":\"a1\",\"mp3_url\":\"https://cdn.example.com/a.mp3\","
      + "\"wav_url\":\"https://cdn.example.com/a.wav\"},"
      + "{\"type\":\"element\",\"id\":\"163\",\"name\":\"Zhang\"}],"
      + "\"billing\":[{\"charge_type\":\"cash\",\"cash_type\":\"balance\",\"amount\":\"0.35\",\"currency\":\"USD\"}]}";

  @Test
  void succeedAndSucceededAreOneState() throws Exception {
    TaskView legacy = TaskView.of(new Task().taskId("1").taskStatus(TaskStatus.SUCCEED));
    TaskView item = TaskView.of(KlingMoshi.create().adapter(NewStandardTask.class).fromJson(NEW_ITEM));
    assertEquals(TaskView.State.SUCCEEDED, legacy.state());
    assertEquals(TaskView.State.SUCCEEDED, item.state());
    assertEquals("succeed", legacy.status());
    assertEquals("succeeded", item.status());
    assertEquals(TaskView.State.UNKNOWN, TaskView.of(new Task().taskId("2").taskStatus(TaskStatus.of("queued")))
        .state());
  }

  @Test
  void theNewItemsOutputsAndBillingAreRead() throws Exception {
    TaskView item = TaskView.of(KlingMoshi.create().adapter(NewStandardTask.class).fromJson(NEW_ITEM));
    assertEquals(List.of("https://cdn.example.com/v.mp4"), item.videoUrls());
    assertEquals(List.of("https://cdn.example.com/a.mp3", "https://cdn.example.com/a.wav"), item.audioUrls());
    assertTrue(item.outputs().stream().anyMatch(o -> o.type().equals("element") && o.id().equals("163")));
    assertEquals(new TaskView.Billing("cash", "balance", "0.35", "USD", null, null), item.billing().get(0));
    assertEquals("mine", item.externalId().orElseThrow());
    assertTrue(item.message().isEmpty(), "an empty message is no failure reason");
  }

  @Test
  void theLegacyShapeOfANewItemKeepsBothForTheWaiterAndTheDownloader() throws Exception {
    Task legacy = NewStandardTasks.toLegacy(KlingMoshi.create().adapter(NewStandardTask.class).fromJson(NEW_ITEM));
    assertEquals(TaskStatus.SUCCEED, legacy.getTaskStatus());
    assertEquals("893605946402811985", legacy.getTaskId());
    assertEquals("https://cdn.example.com/v.mp4", legacy.getTaskResult().getVideos().get(0).getUrl());
    assertEquals("https://cdn.example.com/a.wav", legacy.getTaskResult().getAudios().get(0).getWavUrl());
    TaskView again = TaskView.of(legacy);
    assertEquals(TaskView.Standard.NEW, again.standard());
    assertEquals("0.35", again.billing().get(0).amount());
  }

  @Test
  void aLegacyTaskReadsItsResultsMessageAndDeductions() {
    Task failed = new Task().taskId("3").taskStatus(TaskStatus.FAILED).taskStatusMsg("risk control");
    assertEquals("risk control", TaskView.of(failed).message().orElseThrow());
    Task done = new Task().taskId("4").taskStatus(TaskStatus.SUCCEED).finalUnitDeduction("1")
        .finalBalanceDeduction(new FinalBalanceDeduction().quota("0.1").listPrice("0.2"))
        .taskResult(new TaskResult().addVideosItem(new ResultVideo().url("https://cdn.example.com/l.mp4")));
    TaskView view = TaskView.of(done);
    assertEquals(TaskView.Standard.LEGACY, view.standard());
    assertEquals(List.of("https://cdn.example.com/l.mp4"), view.videoUrls());
    assertEquals(List.of(new TaskView.Billing("unit", null, "1", null, null, null),
        new TaskView.Billing("cash", null, "0.1", null, null, "0.2")), view.billing());
  }
}
