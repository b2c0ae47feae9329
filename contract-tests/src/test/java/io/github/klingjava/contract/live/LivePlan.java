package io.github.klingjava.contract.live;

import io.github.klingjava.client.KlingClient;
import io.github.klingjava.client.KlingResponse;
import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.report.RowHandle;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.error.EndpointUnavailableException;
import io.github.klingjava.generated.model.AspectRatio;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageModel;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.generated.model.VideoDuration;
import io.github.klingjava.generated.model.VideoMode;
import io.github.klingjava.generated.model.VideoModel;
import io.github.klingjava.vendor.TaskFamily;
import java.util.List;

/**
 * What the live tests do per target, in order, with the cheapest settings: one image (kling-v1,
 * n=1, 1:1), one video (kling-v1, std, 5 s), their queries and a one-item list page, the expand
 * route probe where the vendor documents the route as unserved, and the check that no secret was
 * printed. Submits take a task from the budget first.
 */
public final class LivePlan {

  /** One step. */
  public interface Step {
    /**
     * @param session the target's session
     * @param row the matrix row
     */
    void run(LiveSession session, RowHandle row);
  }

  /**
   * @param operationId the operation (or subject) of the row
   * @param name the case name
   * @param step what it does
   */
  public record Case(String operationId, String name, Step step) {
  }

  private final SpecDocument spec;

  /** @param spec the spec (the video's start frame is its example image) */
  public LivePlan(SpecDocument spec) {
    this.spec = spec;
  }

  /** @return the steps, in order */
  public List<Case> cases() {
    return List.of(
        new Case("createImageGenerationTask", "cheapest image (kling-v1, n=1, 1:1)", this::submitImage),
        new Case("getImageGenerationTask", "query the image task", (s, row) -> query(s, row,
            "getImageGenerationTask", "image", id -> s.wired().client().imageGeneration().raw().get(id))),
        new Case("listImageGenerationTasks", "list page 1, size 1", (s, row) -> LiveChecks.verdict(s,
            "listImageGenerationTasks", s.call(() -> s.wired().client().imageGeneration().raw().list(1, 1)), row)),
        new Case("createImageToVideoTask", "cheapest video (kling-v1, std, 5 s)", this::submitVideo),
        new Case("getImageToVideoTask", "query the video task", (s, row) -> query(s, row,
            "getImageToVideoTask", "video", id -> s.wired().client().imageToVideo().raw().get(id))),
        new Case("createImageExpansionTask", "expand-unavailable: documented 404", this::expandProbe),
        new Case("secrets", "no secret printed or logged", SecretCheck::run));
  }

  private void submitImage(LiveSession s, RowHandle row) {
    ImageGenerationRequest request = new ImageGenerationRequest().modelName(ImageModel.KLING_V1)
        .prompt("kling-java contract test: one red dot on white").n(1).aspectRatio(AspectRatio.RATIO_1_1);
    s.budget().reserve("createImageGenerationTask");
    submitted(s, row, "createImageGenerationTask", "image",
        s.call(() -> s.wired().client().imageGeneration().raw().submit(request)));
  }

  private void submitVideo(LiveSession s, RowHandle row) {
    String image = spec.operation("createImageToVideoTask").requestExamples().values().iterator().next()
        .path("image").asText();
    ImageToVideoRequest request = new ImageToVideoRequest().modelName(VideoModel.KLING_V1).image(image)
        .mode(VideoMode.STD).duration(VideoDuration.SECONDS_5);
    s.budget().reserve("createImageToVideoTask");
    submitted(s, row, "createImageToVideoTask", "video",
        s.call(() -> s.wired().client().imageToVideo().raw().submit(request)));
  }

  private static void submitted(LiveSession s, RowHandle row, String operationId, String kind,
      LiveSession.Result<KlingResponse<TaskResponse>> result) {
    LiveChecks.verdict(s, operationId, result, row);
    s.taskIds().put(kind, result.answer().body().getData().getTaskId());
  }

  private static void query(LiveSession s, RowHandle row, String operationId, String kind,
      java.util.function.Function<String, KlingResponse<TaskResponse>> get) {
    String id = s.taskIds().get(kind);
    if (id == null) {
      throw new org.opentest4j.TestAbortedException("no " + kind + " task id: its submit did not run");
    }
    LiveChecks.verdict(s, operationId, s.call(() -> get.apply(id)), row);
  }

  private void expandProbe(LiveSession s, RowHandle row) {
    KlingClient client = s.wired().client();
    if (!client.vendor().isKnownUnavailable(TaskFamily.IMAGE_EXPANSION)) {
      throw new org.opentest4j.TestAbortedException(client.vendor().displayName() + " serves expand: no"
          + " probe (it would create a paid task)");
    }
    ImageExpansionRequest request = Models.lenient(ImageExpansionRequest.class,
        spec.operation("createImageExpansionTask").requestExamples().values().iterator().next()).n(1);
    LiveSession.Result<KlingResponse<TaskResponse>> result =
        s.call(() -> client.imageExpansion().raw().submit(request));
    if (result.answer() != null) {
      throw new AssertionError("DOCUMENTATION OUT OF DATE: " + client.vendor().displayName() + "'s expand"
          + " route answered HTTP " + result.answer().raw().status() + " (task "
          + result.answer().body().getData().getTaskId() + "), but RECONCILIATION R09, the spec's 404"
          + " example cometapi-route-unavailable and the vendor profile say it answers 404: update them,"
          + " then this test");
    }
    if (!(result.thrown() instanceof EndpointUnavailableException e) || e.httpStatus() != 404) {
      throw new AssertionError(s.target().name() + " expand probe: expected 404 mapped to"
          + " EndpointUnavailableException, got " + result.thrown(), result.thrown());
    }
    LiveChecks.verdict(s, "createImageExpansionTask", new LiveSession.Result<>(null, null,
        result.requestViolations(), result.responseViolations()), row);
    row.note("404 as documented (code " + e.businessCode() + ")");
  }
}
