package io.github.klingjava.client;

import static io.github.klingjava.client.SpecExampleFixtures.JSON;
import static io.github.klingjava.client.SpecExampleFixtures.sameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.SpecExampleFixtures.OperationExample;
import io.github.klingjava.error.AuthenticationException;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Pins, for every operation, example and vendor profile, the exact request and the parsing of the answer. */
class KlingClientTest {
  private static final String KEY = "test-key-not-a-secret-0001";
  private static final String TASK_ID = "867283741759111202";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedExampleOnEveryVendorProfile() {
    List<DynamicTest> tests = new ArrayList<>();
    java.util.Set<String> notServedYet = new java.util.TreeSet<>();
    for (OperationExample example : SpecExampleFixtures.all()) {
      if (familyOf(example) == null) {
        // an operation of no x-kling-family tag (none today); listed, never silently dropped
        notServedYet.add(example.operationId());
        continue;
      }
      for (String vendor : List.of("cometapi", "anyapi", "kling-singapore", "kling-beijing", "custom")) {
        tests.add(DynamicTest.dynamicTest(example + " via " + vendor, () -> replay(example, vendor)));
      }
    }
    assertTrue(tests.size() >= 5 * 36, "tests: " + tests.size());
    if (!notServedYet.isEmpty()) {
      System.out.println("KlingClientTest: " + notServedYet.size() + " spec operations have no facade"
          + " family yet and are not replayed: " + notServedYet);
    }
    return tests.stream();
  }

  private void replay(OperationExample example, String vendorId) throws Exception {
    VendorProfile vendor = profile(vendorId);
    if (example.request() != null && !vendorOnly(example, vendor).isEmpty()) {
      // a vendor's own property names (x-vendor-only) never reach another vendor's host
      int before = server.getRequestCount();
      try (KlingClient client = client(vendor)) {
        io.github.klingjava.validation.KlingValidationException e = org.junit.jupiter.api.Assertions
            .assertThrows(io.github.klingjava.validation.KlingValidationException.class,
                () -> call(client, example));
        assertTrue(e.violations().stream().allMatch(v -> v.rule().equals("x-vendor-only")),
            e.getMessage());
      }
      assertEquals(before, server.getRequestCount(), "nothing may be sent");
      return;
    }
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(example.response().toString()).build());
    try (KlingClient client = client(vendor)) {
      Object answer;
      try {
        answer = call(client, example);
      } catch (UnexpectedResponseException e) {
        // Only the vendors' schema placeholders (code 123) are not successes.
        assertTrue(example.response().path("code").asInt() != 0, example + ": " + e.getMessage());
        assertEquals(example.response().toString(), e.rawBody());
        answer = null;
      }
      RecordedRequest recorded = server.takeRequest();
      assertRequest(example, vendor, recorded);
      if (answer != null) {
        JsonNode back = JSON.readTree(client.moshi().adapter(Object.class).toJson(
            client.moshi().adapter((Class<Object>) answer.getClass()).toJsonValue(answer)));
        assertTrue(sameJson(example.response(), back), example + " round trip:\n" + example.response() + "\n" + back);
      }
    }
  }

  private static void assertRequest(OperationExample example, VendorProfile vendor, RecordedRequest recorded)
      throws Exception {
    String prefix = vendor.baseUrl().encodedPath();
    String expectedPath = prefix + example.path().substring(1).replace("{id}", TASK_ID);
    assertEquals(example.method().toUpperCase(), recorded.getMethod(), example.toString());
    assertEquals(expectedPath, recorded.getUrl().encodedPath(), example.toString());
    assertEquals("Bearer " + KEY, recorded.getHeaders().get("Authorization"));
    assertEquals("application/json", recorded.getHeaders().get("Accept"));
    assertTrue(recorded.getHeaders().get("User-Agent").startsWith("kling-java/"));
    if (example.method().equals("get") && !example.path().endsWith("{id}")) {
      // lists: pageNum=1&pageSize=30 (the defaults); other GETs: each query parameter's example (derived)
      String query = String.join("&", SpecExampleFixtures.replayQuery(example.method(), example.path()).entrySet()
          .stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
      assertEquals(query, recorded.getUrl().encodedQuery(), example.toString());
    }
    if (example.request() != null) {
      assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"));
      JsonNode sent = JSON.readTree(recorded.getBody().utf8());
      JsonNode expected = onTheWire(example, vendor);
      assertTrue(sameJson(expected, sent), example + " body:\n expected " + expected + "\n sent     " + sent);
    }
  }

  /** The x-vendor-only violations of the example's request for this vendor (read from the spec). */
  private static java.util.List<io.github.klingjava.validation.Violation> vendorOnly(
      OperationExample example, VendorProfile vendor) throws Exception {
    io.github.klingjava.vendor.TaskFamily family = familyOf(example);
    Object tree = JSON.convertValue(example.request(), Object.class);
    return io.github.klingjava.validation.RequestValidator.create()
        .check(family.operations().stream().filter(o -> o.operationId().equals(example.operationId()))
            .findFirst().orElseThrow().requestSchema(), tree, vendor.id()).stream()
        .filter(v -> v.rule().equals("x-vendor-only")).toList();
  }

  /** The request example as the vendor's documented wire names and required values turn it. */
  private static JsonNode onTheWire(OperationExample example, VendorProfile vendor) {
    ObjectNode body = example.request().deepCopy();
    io.github.klingjava.vendor.TaskFamily family = familyOf(example);
    vendor.wireDefaults(family).forEach((k, v) -> {
      if (!body.has(k)) {
        body.set(k, JSON.valueToTree(v));
      }
    });
    vendor.wireRenames(family).forEach((from, to) -> {
      if (body.has(from)) {
        body.set(to, body.remove(from));
      }
    });
    return body;
  }

  /**
   * Through the spec-driven facade: the family is the one holding the example's operation (TaskFamily,
   * generated from the spec's x-kling-family tags), the call is the operation's x-kling-operation role, so a
   * family added to the spec is replayed here with no edit.
   */
  @SuppressWarnings("unchecked")
  private static Object call(KlingClient client, OperationExample example) throws Exception {
    io.github.klingjava.family.SpecOperation operation = java.util.Arrays
        .stream(io.github.klingjava.vendor.TaskFamily.values())
        .flatMap(f -> f.operations().stream()).filter(o -> o.operationId().equals(example.operationId()))
        .findFirst().orElseThrow(() -> new AssertionError("no family in the spec has " + example.operationId()));
    io.github.klingjava.vendor.TaskFamily family = java.util.Arrays
        .stream(io.github.klingjava.vendor.TaskFamily.values())
        .filter(f -> f.operations().contains(operation)).findFirst().orElseThrow();
    String role = operation.role();
    if (role.equals("call") && example.request() == null) {
      // a call without a body (GET /account/costs, the preset lists): the spec's query parameters
      List<io.github.klingjava.family.QueryParameter> query = SpecExampleFixtures
          .replayQuery(example.method(), example.path()).entrySet().stream()
          .map(e -> io.github.klingjava.family.QueryParameter.of(e.getKey(), e.getValue())).toList();
      return client.syncFamily(family).query(operation.operationId(), query).body();
    }
    if (role.equals("call")) {
      return client.syncFamily(family).call(operation.operationId(),
          parse(client, example.request().toString(), operation.requestType())).body();
    }
    TaskFamilyService<Object> service = (TaskFamilyService<Object>) client.family(family);
    return switch (role) {
      case "submit" -> service.submit(parse(client, example.request().toString(), operation.requestType()));
      case "get", "getByExternalId" -> service.get(TASK_ID);
      case "list" -> service.list(1, 30);
      default -> throw new AssertionError("no replay for x-kling-operation " + role);
    };
  }

  /** The family whose operations hold the example's operationId (a call may sit outside the family's route). */
  private static io.github.klingjava.vendor.TaskFamily familyOf(OperationExample example) {
    return java.util.Arrays.stream(io.github.klingjava.vendor.TaskFamily.values())
        .filter(f -> f.operations().stream().anyMatch(o -> o.operationId().equals(example.operationId())))
        .findFirst().orElse(null);
  }

  private static <T> T parse(KlingClient client, String json, Class<T> type) throws Exception {
    T value = client.moshi().adapter(type).failOnUnknown().fromJson(json);
    assertNotNull(value);
    return value;
  }

  @Test
  void getByExternalIdUsesPathSlot() throws Exception {
    server.enqueue(okTask());
    try (KlingClient client = client(VendorProfile.custom(server.url("/").toString()))) {
      client.imageToVideo().getByExternalId("order-1045-video");
    }
    assertEquals("/v1/videos/image2video/order-1045-video", server.takeRequest().getUrl().encodedPath());
  }

  @Test
  void sendsJsonAndAuthHeaders() throws Exception {
    server.enqueue(okTask());
    try (KlingClient client = client(VendorProfile.anyApi().withBaseUrl(server.url("/kling").toString()))) {
      client.imageGeneration().submit(new ImageGenerationRequest().prompt("a fox"));
    }
    RecordedRequest request = server.takeRequest();
    assertEquals("/kling/v1/images/generations", request.getUrl().encodedPath());
    assertEquals("Bearer " + KEY, request.getHeaders().get("Authorization"));
    assertTrue(request.getHeaders().get("Content-Type").startsWith("application/json"));
    assertEquals("application/json", request.getHeaders().get("Accept"));
    assertEquals("{\"prompt\":\"a fox\"}", request.getBody().utf8());
  }

  @Test
  void invalidRequestNeverReachesTheNetwork() {
    try (KlingClient client = client(VendorProfile.custom(server.url("/").toString()))) {
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> client.imageGeneration().submit(new ImageGenerationRequest().prompt("x".repeat(2501)).n(12)));
      assertEquals(2, e.violations().size(), e.getMessage());
      assertTrue(e.getMessage().contains("$.prompt") && e.getMessage().contains("$.n"), e.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void badIdsAndPagesAreRejectedBeforeSending() {
    try (KlingClient client = client(VendorProfile.custom(server.url("/").toString()))) {
      KlingValidationException id = assertThrows(KlingValidationException.class, () -> client.multiImage().get(" "));
      assertTrue(id.getMessage().contains("$.id") && id.getMessage().contains("rule blank"), id.getMessage());
      KlingValidationException page = assertThrows(KlingValidationException.class,
          () -> client.multiImage().list(0, 501));
      assertEquals(2, page.violations().size(), page.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void rawViewKeepsStatusHeadersAndBody() {
    String body = SpecExampleFixtures.example("task.videos.succeed").toString();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("X-Request-Id", "hdr-1").body(body).build());
    try (KlingClient client = client(VendorProfile.custom(server.url("/").toString()))) {
      KlingResponse<TaskResponse> response = client.imageToVideo().raw().get(TASK_ID);
      assertEquals(200, response.raw().status());
      assertEquals(body, response.raw().body());
      assertEquals("hdr-1", response.raw().headers().get("X-Request-Id"));
      assertEquals("5.1", response.body().getData().getTaskResult().getVideos().get(0).getDuration());
    }
  }

  @Test
  void errorAnswersBecomeTypedExceptions() {
    server.enqueue(new MockResponse.Builder().code(401)
        .body(SpecExampleFixtures.example("error-1004").toString()).build());
    try (KlingClient client = client(VendorProfile.custom(server.url("/").toString()))) {
      KlingApiException e = assertThrows(KlingApiException.class, () -> client.imageExpansion().get(TASK_ID));
      assertInstanceOf(AuthenticationException.class, e);
      assertEquals(1004, e.businessCode());
      assertEquals("e10040a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2b", e.requestId());
      assertTrue(!e.getMessage().contains(KEY));
    }
  }

  @Test
  void jwtCredentialsAreRefusedForAnAggregator() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> KlingClient.builder()
        .vendor(VendorProfile.cometApi()).credentials(Credentials.accessKey("ak-0123456789", "sk-secret-0123456789"))
        .build());
    assertTrue(e.getMessage().contains("Credentials.apiKey") && !e.getMessage().contains("sk-secret"), e.getMessage());
  }

  @Test
  void userCallsRetryButTheWaitersPollsDoNot() throws Exception {
    List<java.time.Duration> slept = new ArrayList<>();
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "1")
        .body(SpecExampleFixtures.example("error-5001").toString()).build());
    server.enqueue(okTask());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
        .body(SpecExampleFixtures.example("error-5001").toString()).build());
    server.enqueue(new MockResponse.Builder().code(200)
        .body(SpecExampleFixtures.example("task.images.succeed").toString()).build());
    try (KlingClient client = KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.apiKey(KEY)).sleeper(slept::add).build()) {
      assertEquals(TASK_ID, client.imageGeneration().get(TASK_ID).getData().getTaskId());
      assertEquals(List.of(java.time.Duration.ofSeconds(1)), slept, "the user's GET was retried after Retry-After");
      io.github.klingjava.task.WaitOptions quick = io.github.klingjava.task.WaitOptions.builder()
          .initialDelay(java.time.Duration.ofMillis(1)).maxInterval(java.time.Duration.ofMillis(5)).build();
      assertEquals(io.github.klingjava.task.TaskStatus.SUCCEED,
          client.imageGeneration().waitFor(TASK_ID, quick).getTaskStatus());
      assertEquals(1, slept.size(), "the waiter rescheduled its poll instead of sleeping in the HTTP layer");
    }
    assertEquals(4, server.getRequestCount());
  }

  private MockResponse okTask() {
    return new MockResponse.Builder().code(200).body(SpecExampleFixtures.example("task.images.submitted").toString()).build();
  }

  private VendorProfile profile(String id) {
    return switch (id) {
      case "cometapi" -> VendorProfile.cometApi().withBaseUrl(server.url("/kling").toString());
      case "anyapi" -> VendorProfile.anyApi().withBaseUrl(server.url("/kling").toString());
      case "kling-singapore" -> VendorProfile.klingSingapore().withBaseUrl(server.url("/").toString());
      case "kling-beijing" -> VendorProfile.klingBeijing().withBaseUrl(server.url("/").toString());
      default -> VendorProfile.custom(server.url("/").toString());
    };
  }

  /** Without generated external ids: the examples' request bodies are compared byte for byte. */
  private static KlingClient client(VendorProfile vendor) {
    return KlingClient.builder().vendor(vendor).credentials(Credentials.apiKey(KEY)).externalTaskIds(false)
        .readTimeout(java.time.Duration.ofSeconds(5)).build();
  }
}
