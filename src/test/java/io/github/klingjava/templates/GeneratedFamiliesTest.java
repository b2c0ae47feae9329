package io.github.klingjava.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.client.SyncFamilyService;
import io.github.klingjava.client.TaskFamilyService;
import io.github.klingjava.family.FamilyKind;
import io.github.klingjava.family.SpecFamily;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.golden.FamilyAccessors;
import io.github.klingjava.golden.model.Face;
import io.github.klingjava.golden.model.FaceHistoryRequest;
import io.github.klingjava.golden.model.IdentifyFaceRequest;
import io.github.klingjava.golden.model.IdentifyFaceResponse;
import io.github.klingjava.golden.model.TextToVideoRequest;
import io.github.klingjava.golden.vendor.TaskFamily;
import io.github.klingjava.paging.Pager;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.task.WaitOptions;
import io.github.klingjava.validation.KlingValidationException;
import java.util.List;
import io.github.klingjava.vendor.VendorProfile;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * Acceptance of issue #10: a family added to a copy of the spec gives a working typed accessor with no
 * hand-written adapter. The mini spec (src/test/resources/golden/mini-spec.yaml) declares a task family
 * ({@code text-to-video}) and a sync family ({@code identify-face}) that the real spec does not have; the
 * generator makes their {@link TaskFamily} constants and typed accessors ({@link FamilyAccessors}), and the
 * client's generic runtime serves them on the routes the mini spec names.
 */
final class GeneratedFamiliesTest {
  private static final String TASK = "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r-1\","
      + "\"data\":{\"task_id\":\"t-1\",\"task_status\":\"%s\",\"created_at\":1,\"updated_at\":1%s}}";
  private static final String VIDEOS = ",\"task_result\":{\"videos\":[{\"id\":\"v\",\"url\":"
      + "\"https://cdn.example.test/v.mp4\",\"duration\":\"5\"}]}";

  @StartStop
  private final MockWebServer server = new MockWebServer();

  /** The typed accessors of the mini spec, on a real client: what KlingClient does for the real spec. */
  private static final class MiniClient extends FamilyAccessors {
    private final KlingClient client;

    MiniClient(KlingClient client) {
      this.client = client;
    }

    @Override
    public TaskFamilyService<?> family(SpecFamily family) {
      return client.family(family);
    }

    @Override
    public SyncFamilyService syncFamily(SpecFamily family) {
      return client.syncFamily(family);
    }
  }

  private KlingClient client() {
    // The mini spec's request schemas are not in the embedded spec, so the spec check is off here.
    return KlingClient.builder()
        .vendor(VendorProfile.custom(server.url("/kling/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001"))
        .validateRequests(false)
        .build();
  }

  private void answer(String body) {
    server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build());
  }

  @Test
  void theFamiliesComeFromTheMiniSpecTags() {
    assertEquals(2, TaskFamily.values().length, "Videos has no x-kling-family, so it is no family");
    assertEquals(FamilyKind.TASK, TaskFamily.TEXT_TO_VIDEO.kind());
    assertEquals("v1/videos/text2video", TaskFamily.TEXT_TO_VIDEO.route());
    assertEquals(TextToVideoRequest.class, TaskFamily.TEXT_TO_VIDEO.requestType());
    assertEquals(FamilyKind.SYNC, TaskFamily.IDENTIFY_FACE.kind());
    assertEquals(TaskFamily.TEXT_TO_VIDEO, TaskFamily.named("text-to-video"));
    assertEquals(TaskFamily.TEXT_TO_VIDEO, TaskFamily.ofPath("v1/videos/text2video/t-1"));
    assertEquals(java.util.List.of(TaskFamily.TEXT_TO_VIDEO), TaskFamily.tasks());
    assertEquals(IdentifyFaceResponse.class, TaskFamily.IDENTIFY_FACE.operation("call").orElseThrow().responseType());
    assertEquals(Void.class, TaskFamily.TEXT_TO_VIDEO.operation("get").orElseThrow().requestType());
  }

  @Test
  void aSyncCallDrivenByDataUsesTheSpecModels() throws Exception {
    try (KlingClient client = client()) {
      answer("{\"code\":0,\"data\":{\"session_id\":\"s-3\"}}");
      Object faces = client.syncFamily(TaskFamily.IDENTIFY_FACE).call("identifyFace", new IdentifyFaceRequest()).body();
      assertEquals("s-3", ((IdentifyFaceResponse) faces).getData().getSessionId());
      answer("{\"code\":1201,\"message\":\"bad video\",\"data\":{}}");
      assertThrows(io.github.klingjava.error.KlingApiException.class,
          () -> client.syncFamily(TaskFamily.IDENTIFY_FACE).call("identifyFace", new IdentifyFaceRequest()));
    }
  }

  @Test
  void theTypedTaskAccessorCallsTheSpecRoutes() throws Exception {
    try (KlingClient client = client()) {
      MiniClient mini = new MiniClient(client);
      answer(TASK.formatted("submitted", ""));
      answer(TASK.formatted("processing", ""));
      answer("{\"code\":0,\"data\":[]}");
      answer(TASK.formatted("succeed", VIDEOS));

      String id = mini.textToVideo().submit(new TextToVideoRequest().prompt("a cat")).getData().getTaskId();
      mini.textToVideo().getByExternalId("order-7");
      mini.textToVideo().list(2, 10);
      Task done = mini.textToVideo().waitFor(id, WaitOptions.builder().initialDelay(Duration.ofMillis(10)).timeout(Duration.ofSeconds(20)).build());

      RecordedRequest submit = server.takeRequest();
      assertEquals("POST /kling/v1/videos/text2video", submit.getMethod() + " " + submit.getUrl().encodedPath());
      assertEquals("{\"prompt\":\"a cat\"}", submit.getBody().utf8());
      assertEquals("/kling/v1/videos/text2video/order-7", server.takeRequest().getUrl().encodedPath());
      RecordedRequest list = server.takeRequest();
      assertEquals("/kling/v1/videos/text2video?pageNum=2&pageSize=10",
          list.getUrl().encodedPath() + "?" + list.getUrl().encodedQuery());
      assertEquals("/kling/v1/videos/text2video/t-1", server.takeRequest().getUrl().encodedPath());
      assertEquals("https://cdn.example.test/v.mp4", done.getTaskResult().getVideos().get(0).getUrl().toString());
    }
  }

  @Test
  void aCursorCallOfTheSpecGetsATypedPagerFromItsPagingExtension() throws Exception {
    try (KlingClient client = client()) {
      MiniClient mini = new MiniClient(client);
      answer("{\"code\":0,\"data\":{\"result\":[{\"face_id\":\"f1\"},{\"face_id\":\"f2\"}],"
          + "\"next_cursor\":\"c1\",\"has_more\":true}}");
      answer("{\"code\":0,\"data\":{\"result\":[],\"next_cursor\":\"c2\",\"has_more\":true}}");
      answer("{\"code\":0,\"data\":{\"result\":[{\"face_id\":\"f3\",\"score\":0.9}],\"has_more\":false}}");

      FaceHistoryRequest filters = new FaceHistoryRequest();
      filters.putAdditionalProperty("video_id", "v-1");
      Pager<Face> faces = mini.identifyFace().listFaceHistoryPages(filters, PagerOptions.defaults().pageSize(2));
      List<Face> all = faces.stream().toList();

      assertEquals(List.of("f1", "f2", "f3"), all.stream().map(Face::getFaceId).toList());
      assertEquals(java.math.BigDecimal.valueOf(0.9), all.get(2).getAdditionalProperties().get("score"),
          "unknown item fields are kept");
      List<String> bodies = List.of(server.takeRequest().getBody().utf8(), server.takeRequest().getBody().utf8(),
          server.takeRequest().getBody().utf8());
      assertEquals(List.of("{\"limit\":2,\"video_id\":\"v-1\"}", "{\"cursor\":\"c1\",\"limit\":2,\"video_id\":\"v-1\"}",
          "{\"cursor\":\"c2\",\"limit\":2,\"video_id\":\"v-1\"}"), bodies);
      assertEquals(null, filters.getCursor(), "the caller's request is left as it was");
      KlingValidationException tooBig = assertThrows(KlingValidationException.class,
          () -> mini.identifyFace().listFaceHistoryPages(filters, PagerOptions.defaults().pageSize(101)));
      assertEquals("$.limit", tooBig.violations().get(0).path());
      assertEquals(3, server.getRequestCount());
    }
  }

  @Test
  void theTypedSyncCallAnswersAtOnceOnItsRoute() throws Exception {
    try (KlingClient client = client()) {
      answer("{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"session_id\":\"s-9\"}}");
      IdentifyFaceResponse faces = new MiniClient(client).identifyFace()
          .identifyFace(new IdentifyFaceRequest().videoUrl("https://cdn.example.test/in.mp4"));
      assertEquals("s-9", faces.getData().getSessionId());
      RecordedRequest sent = server.takeRequest();
      assertEquals("POST /kling/v1/videos/identify-face", sent.getMethod() + " " + sent.getUrl().encodedPath());
      assertTrue(sent.getBody().utf8().contains("\"video_url\""));
    }
  }

  @Test
  void aTypedCallWithoutABodySendsItsQueryAndChecksTheSpecRules() throws Exception {
    try (KlingClient client = client()) {
      MiniClient mini = new MiniClient(client);
      io.github.klingjava.validation.KlingValidationException bad = assertThrows(
          io.github.klingjava.validation.KlingValidationException.class,
          () -> mini.identifyFace().getIdentifyFaceQuota(null, 51));
      assertEquals(2, bad.violations().size(), bad.getMessage());
      assertTrue(bad.getMessage().contains("$.day") && bad.getMessage().contains("above the maximum 50"),
          bad.getMessage());
      assertEquals(0, server.getRequestCount(), "nothing is sent before the rules hold");
      answer("{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"session_id\":\"s-4\"}}");
      assertEquals("s-4", mini.identifyFace().getIdentifyFaceQuota(7L, null).getData().getSessionId());
      RecordedRequest sent = server.takeRequest();
      assertEquals("GET /kling/v1/videos/identify-face/quota?day=7",
          sent.getMethod() + " " + sent.getUrl().encodedPath() + "?" + sent.getUrl().encodedQuery());
    }
  }

  @Test
  void theGenericEntryRefusesTheWrongKind() {
    try (KlingClient client = client()) {
      assertThrows(IllegalArgumentException.class, () -> client.family(TaskFamily.IDENTIFY_FACE));
      assertThrows(IllegalArgumentException.class, () -> client.syncFamily(TaskFamily.TEXT_TO_VIDEO));
    }
  }
}
