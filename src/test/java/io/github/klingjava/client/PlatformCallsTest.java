package io.github.klingjava.client;

import static io.github.klingjava.client.SpecExampleFixtures.JSON;
import static io.github.klingjava.client.SpecExampleFixtures.example;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.AccountCostsResponse;
import io.github.klingjava.generated.model.BillingBalanceRequest;
import io.github.klingjava.generated.model.BillingBalanceResponse;
import io.github.klingjava.generated.model.BillingPackageRequest;
import io.github.klingjava.generated.model.BillingPackageResponse;
import io.github.klingjava.generated.model.DeleteElementRequest;
import io.github.klingjava.generated.model.DeleteVoiceRequest;
import io.github.klingjava.generated.model.ElementReferVideo;
import io.github.klingjava.generated.model.ElementRequest;
import io.github.klingjava.generated.model.ElementVideoList;
import io.github.klingjava.generated.model.ResourceDeleteResponse;
import io.github.klingjava.generated.model.ResultElement;
import io.github.klingjava.generated.model.TaskListResponse;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.generated.model.VoiceRequest;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.nio.file.Path;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The elements, voices and account families through the typed client: the task services
 * ({@code client.elements()}, {@code client.voices()}), the synchronous calls generated from the spec's
 * {@code x-kling-operation: call} ({@code elementsCalls()}, {@code voicesCalls()}, {@code account()}), the exact
 * requests they send and the answers they parse; bad input never reaches the network.
 */
class PlatformCallsTest {
  private static final String KEY = "test-key-not-a-secret-0001";
  private static final JsonNode SPEC = readSpec();

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void elementsAreATaskFamilySubmittedQueriedAndListed() throws Exception {
    answer("elements.video-refer-with-voice.response");
    answer("task.elements.succeed");
    answer("list.elements.page-of-one");
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      ElementRequest request = new ElementRequest().elementName("Presenter").elementDescription("In a blue suit")
          .referenceType(io.github.klingjava.generated.model.ElementReferenceType.VIDEO_REFER).elementVideoList(new ElementVideoList().referVideos(List.of(
              new ElementReferVideo().videoUrl("https://videos.example.com/presenter-5s.mp4"))))
          .elementVoiceId("829824295735410756");
      assertEquals("867283741759113002", client.elements().submit(request).getData().getTaskId());
      ResultElement element = client.elements().get("867283741759113002").getData().getTaskResult()
          .getElements().get(0);
      assertEquals(160L, element.getElementId());
      assertEquals("829824295735410756", element.getElementVoiceInfo().getVoiceId());
      TaskListResponse page = client.elements().list(1, 30);
      assertEquals("deleted", page.getData().get(0).getTaskResult().getElements().get(0).getStatus().toString());
    }
    RecordedRequest submit = server.takeRequest();
    assertEquals("POST /v1/general/advanced-custom-elements", line(submit));
    assertEquals(JSON.readTree("{\"element_name\":\"Presenter\",\"element_description\":\"In a blue suit\","
        + "\"reference_type\":\"video_refer\",\"element_video_list\":{\"refer_videos\":[{\"video_url\":"
        + "\"https://videos.example.com/presenter-5s.mp4\"}]},\"element_voice_id\":\"829824295735410756\"}"),
        JSON.readTree(submit.getBody().utf8()));
    assertEquals("GET /v1/general/advanced-custom-elements/867283741759113002", line(server.takeRequest()));
    assertEquals("GET /v1/general/advanced-custom-elements?pageNum=1&pageSize=30", line(server.takeRequest()));
  }

  @Test
  void bothDeleteRoutesSendTheSameBody() throws Exception {
    answer("deleteElement.official-element-id.response");
    answer("deleteElement.image-side-element-id.response");
    server.enqueue(json("{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r-3\"}"));
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      ResourceDeleteResponse video = client.elementsCalls().deleteAdvancedElements(
          new DeleteElementRequest().elementId(160L));
      ResourceDeleteResponse image = client.elementsCalls().deleteElements(new DeleteElementRequest().elementId(160L));
      assertEquals("succeed", video.getData().getTaskStatus().toString());
      assertEquals("867283741759113201", image.getData().getTaskId());
      // no half answers: a delete answer without data throws, with the raw body (RECONCILIATION P17)
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class,
          () -> client.elementsCalls().deleteElements(new DeleteElementRequest().elementId(160L)));
      assertTrue(e.rawBody().contains("r-3"), e.rawBody());
    }
    RecordedRequest first = server.takeRequest();
    RecordedRequest second = server.takeRequest();
    assertEquals("POST /v1/general/delete-advanced-elements", line(first));
    assertEquals("POST /v1/general/delete-elements", line(second));
    assertEquals("{\"element_id\":160}", first.getBody().utf8());
    assertEquals(first.getBody().utf8(), second.getBody().utf8());
  }

  @Test
  void presetElementsAreAPageCallWithTheSpecsLimits() throws Exception {
    answer("list.presets-elements.page-of-one");
    answer("list.empty-page");
    int maxPageSize = SPEC.at("/components/parameters/PageSize/schema/maximum").asInt();
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      TaskListResponse page = client.elementsCalls().listPresetElements(2, 50);
      assertEquals("kling", page.getData().get(0).getTaskResult().getElements().get(0).getOwnedBy());
      assertTrue(client.elementsCalls().listPresetElements(null, null).getData().isEmpty());
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> client.elementsCalls().listPresetElements(0, maxPageSize + 1));
      assertEquals(2, e.violations().size(), e.getMessage());
      assertTrue(e.getMessage().contains("$.pageNum") && e.getMessage().contains("$.pageSize")
          && e.getMessage().contains("maximum " + maxPageSize), e.getMessage());
    }
    assertEquals("GET /v1/general/advanced-presets-elements?pageNum=2&pageSize=50", line(server.takeRequest()));
    assertEquals("GET /v1/general/advanced-presets-elements", line(server.takeRequest()));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void presetVoicesTakeUpTo1000APageFromTheSpec() throws Exception {
    int voiceMax = SPEC.at("/components/parameters/VoicePageSize/schema/maximum").asInt();
    assertTrue(voiceMax > SPEC.at("/components/parameters/PageSize/schema/maximum").asInt());
    answer("list.presets-voices.page-of-one");
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      TaskListResponse page = client.voicesCalls().listPresetVoices(1, voiceMax);
      assertEquals("oversea_male1", page.getData().get(0).getTaskResult().getVoices().get(0).getVoiceId());
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> client.voicesCalls().listPresetVoices(1, voiceMax + 1));
      assertTrue(e.getMessage().contains("above the maximum " + voiceMax), e.getMessage());
    }
    assertEquals("GET /v1/general/presets-voices?pageNum=1&pageSize=" + voiceMax, line(server.takeRequest()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void voicesAreATaskFamilyWithADeleteCall() throws Exception {
    answer("voices.from-kling-video.response");
    answer("task.voices.succeed");
    answer("deleteVoices.official-voice-id.response");
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      TaskResponse submitted = client.voices().submit(new VoiceRequest().voiceName("Narrator")
          .videoId("867283741759111207").externalTaskId("voice-narrator-01"));
      assertEquals("voice-narrator-01", submitted.getData().getTaskInfo().getExternalTaskId());
      String voiceId = client.voices().getByExternalId("voice-narrator-01").getData().getTaskResult().getVoices()
          .get(0).getVoiceId();
      assertEquals("829824295735410757", voiceId);
      assertEquals("succeed", client.voicesCalls().deleteVoices(new DeleteVoiceRequest().voiceId(voiceId))
          .getData().getTaskStatus().toString());
    }
    RecordedRequest submit = server.takeRequest();
    assertEquals("POST /v1/general/custom-voices", line(submit));
    assertEquals(JSON.readTree("{\"voice_name\":\"Narrator\",\"video_id\":\"867283741759111207\","
        + "\"external_task_id\":\"voice-narrator-01\"}"), JSON.readTree(submit.getBody().utf8()));
    assertEquals("GET /v1/general/custom-voices/voice-narrator-01", line(server.takeRequest()));
    RecordedRequest delete = server.takeRequest();
    assertEquals("POST /v1/general/delete-voices", line(delete));
    assertEquals("{\"voice_id\":\"829824295735410757\"}", delete.getBody().utf8());
  }

  @Test
  void aVoiceWithoutASourceIsRefusedBeforeSending() {
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> client.voices().submit(new VoiceRequest().voiceName("Narrator")));
      assertTrue(e.getMessage().contains("voice-url-or-video-id"), e.getMessage());
      KlingValidationException name = assertThrows(KlingValidationException.class,
          () -> client.voices().submit(new VoiceRequest().voiceName("x".repeat(21)).voiceUrl("https://a.example/v.mp3")));
      assertTrue(name.getMessage().contains("$.voice_name"), name.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aVideoElementWithoutItsVideoIsRefusedBeforeSending() {
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> client.elements().submit(new ElementRequest().elementName("Presenter").elementDescription("d")
              .referenceType(io.github.klingjava.generated.model.ElementReferenceType.VIDEO_REFER)));
      assertTrue(e.getMessage().contains("video-refer-needs-video-list"), e.getMessage());
      assertThrows(KlingValidationException.class,
          () -> client.elementsCalls().deleteElements(new DeleteElementRequest()));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void accountCostsSendsTheMillisecondPeriodAndKeepsTheInnerCode() throws Exception {
    answer("accountCosts.official-expired-pack.response");
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      AccountCostsResponse costs = client.account().getAccountCosts(1726124664368L, 1727366400000L, null);
      assertEquals(0, costs.getData().getCode());
      assertEquals("string", costs.getData().getMsg());
      assertEquals("expired", costs.getData().getResourcePackSubscribeInfos().get(0).getStatus().toString());
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> client.account().getAccountCosts(null, -1L, "Video Generation - 10,000 entries"));
      assertEquals(2, e.violations().size(), e.getMessage());
      assertTrue(e.getMessage().contains("$.start_time") && e.getMessage().contains("$.end_time"), e.getMessage());
      KlingValidationException name = assertThrows(KlingValidationException.class,
          () -> client.account().getAccountCosts(1L, 2L, ""));
      assertEquals("minLength", name.violations().get(0).rule(), name.getMessage());
    }
    assertEquals("GET /account/costs?start_time=1726124664368&end_time=1727366400000", line(server.takeRequest()));
    assertEquals(1, server.getRequestCount());
  }

  @Test
  void accountRoutesSitUnderTheServerUrlWithoutV1() throws Exception {
    answer("accountCosts.official-expired-pack.response");
    answer("billingBalance.next-page.response");
    try (KlingClient client = client(VendorProfile.cometApi().withBaseUrl(server.url("/kling").toString()))) {
      client.account().getAccountCosts(1L, 2L, "pack-a");
    }
    try (KlingClient client = client(VendorProfile.klingBeijing())) {
      client.account().listBillingBalance(new BillingBalanceRequest().cursor("eyJwYWdlIjoyfQ"));
    }
    assertEquals("GET /kling/account/costs?start_time=1&end_time=2&resource_pack_name=pack-a",
        line(server.takeRequest()));
    assertEquals("POST /account/billing/balance", line(server.takeRequest()));
  }

  @Test
  void billingLedgersPageByCursorInTheBody() throws Exception {
    answer("billingPackage.official-all-filters.response");
    answer("billingPackage.next-page.response");
    answer("billingBalance.first-page.response");
    JsonNode official = example("billingPackage.official-all-filters.request");
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      BillingPackageRequest first = client.moshi().adapter(BillingPackageRequest.class).fromJson(official.toString());
      BillingPackageResponse page = client.account().listBillingPackage(first);
      assertTrue(page.getData().getHasMore());
      assertEquals("5.04", page.getData().getResult().getDetail().get(0).getDuration());
      BillingPackageResponse last = client.account().listBillingPackage(
          new BillingPackageRequest().cursor(page.getData().getNextCursor()));
      assertFalse(last.getData().getHasMore());
      assertTrue(last.getData().getResult().getDetail().isEmpty());
      BillingBalanceResponse balance = client.account().listBillingBalance(new BillingBalanceRequest()
          .startTime(1751284003293L).endTime(1782219793736L).limit(50));
      assertEquals("USD", balance.getData().getResult().getDetail().get(0).getCurrency().toString());
    }
    RecordedRequest sent = server.takeRequest();
    assertEquals("POST /account/billing/package", line(sent));
    assertEquals(official, JSON.readTree(sent.getBody().utf8()));
    assertEquals("{\"cursor\":\"string\"}", server.takeRequest().getBody().utf8());
    assertEquals(JSON.readTree("{\"start_time\":1751284003293,\"end_time\":1782219793736,\"limit\":50}"),
        JSON.readTree(server.takeRequest().getBody().utf8()));
  }

  @Test
  void aBillingPageNeedsAPeriodOrACursor() {
    try (KlingClient client = client(VendorProfile.klingSingapore())) {
      KlingValidationException none = assertThrows(KlingValidationException.class,
          () -> client.account().listBillingBalance(new BillingBalanceRequest().limit(10)));
      assertTrue(none.getMessage().contains("period-or-cursor"), none.getMessage());
      KlingValidationException empty = assertThrows(KlingValidationException.class,
          () -> client.account().listBillingPackage(new BillingPackageRequest().cursor("").startTime(1L)));
      assertTrue(empty.getMessage().contains("period-or-cursor"), empty.getMessage());
      int max = SPEC.at("/components/schemas/BillingLimit/maximum").asInt();
      KlingValidationException limit = assertThrows(KlingValidationException.class,
          () -> client.account().listBillingPackage(new BillingPackageRequest().cursor("c").limit(max + 1)));
      assertTrue(limit.getMessage().contains("$.limit"), limit.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void theNewFamiliesAreGeneratedFromTheirTags() {
    assertEquals(io.github.klingjava.family.FamilyKind.SYNC, io.github.klingjava.vendor.TaskFamily.ACCOUNT.kind());
    assertEquals("account/costs", io.github.klingjava.vendor.TaskFamily.ACCOUNT.route());
    assertEquals("v1/general/advanced-custom-elements", io.github.klingjava.vendor.TaskFamily.ELEMENTS.route());
    assertEquals("VoiceRequest", io.github.klingjava.vendor.TaskFamily.VOICES.requestSchema());
    assertNull(io.github.klingjava.vendor.TaskFamily.ofPath("v1/general/delete-voices"),
        "a call route outside the submit route belongs to its family by operationId, not by path");
  }

  private void answer(String exampleKey) {
    server.enqueue(json(example(exampleKey).toString()));
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String line(RecordedRequest request) {
    String query = request.getUrl().encodedQuery();
    return request.getMethod() + " " + request.getUrl().encodedPath() + (query == null ? "" : "?" + query);
  }

  private KlingClient client(VendorProfile vendor) {
    VendorProfile local = vendor.baseUrl().encodedPath().startsWith("/kling") && vendor.baseUrl().port() == server.getPort()
        ? vendor : vendor.withBaseUrl(server.url("/").toString());
    return KlingClient.builder().vendor(local).credentials(Credentials.apiKey(KEY)).externalTaskIds(false)
        .readTimeout(java.time.Duration.ofSeconds(5)).build();
  }

  private static JsonNode readSpec() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/kling-api.yaml").toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
