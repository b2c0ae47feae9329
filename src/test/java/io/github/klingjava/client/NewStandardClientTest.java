package io.github.klingjava.client;

import static io.github.klingjava.client.SpecExampleFixtures.JSON;
import static io.github.klingjava.client.SpecExampleFixtures.sameJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.error.UnexpectedResponseException;
import io.github.klingjava.generated.model.NewStandardImageToVideoRequest;
import io.github.klingjava.generated.model.NewStandardMotionControlRequest;
import io.github.klingjava.generated.model.NewStandardOmniVideoRequest;
import io.github.klingjava.generated.model.NewStandardTaskQueryRequest;
import io.github.klingjava.generated.model.NewStandardTextToVideoRequest;
import io.github.klingjava.task.TaskView;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every named example of the new standard's operations (tag {@code new-standard}, read from the spec)
 * through {@code client.newStandard()}: the exact request (method, path with the model, query, body, API
 * key) and the parsing of the answer; the batch query's limit and its exactly-one-of rule.
 */
class NewStandardClientTest {
  private static final String KEY = "test-key-not-a-secret-0002";
  private static final JsonNode SPEC = spec();

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
  Stream<DynamicTest> everyNewStandardExampleReplaysThroughTheFacade() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SPEC.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!op.getValue().path("tags").path(0).asText().equals("new-standard")) {
          continue;
        }
        for (String name : names(op.getValue().at("/responses/200/content/application~1json/examples"))) {
          tests.add(DynamicTest.dynamicTest(op.getValue().path("operationId").asText() + " " + name,
              () -> replay(path.getKey(), op.getKey(), op.getValue(), name)));
        }
      }
    }
    assertTrue(tests.size() >= 10, "examples: " + tests.size());
    return tests.stream();
  }

  private void replay(String path, String method, JsonNode op, String name) throws Exception {
    JsonNode answer = SpecExampleFixtures.value(op.at("/responses/200/content/application~1json/examples/" + name));
    JsonNode request = op.at("/requestBody/content/application~1json/examples/" + name);
    JsonNode body = request.isMissingNode() ? null : SpecExampleFixtures.value(request);
    server.enqueue(json(answer.toString()));
    try (KlingClient client = client()) {
      Object parsed = call(client, path, method, op, name, body);
      RecordedRequest recorded = server.takeRequest();
      assertEquals(method.toUpperCase(), recorded.getMethod());
      assertEquals("Bearer " + KEY, recorded.getHeaders().get("Authorization"));
      String model = parameterExample(op, "model", name);
      String expectedPath = model == null ? path : path.replace("{model}", model);
      assertEquals(expectedPath, recorded.getUrl().encodedPath());
      if (body != null) {
        assertTrue(sameJson(body, JSON.readTree(recorded.getBody().utf8())), recorded.getBody().utf8());
      }
      for (String query : List.of("task_ids", "external_task_ids")) {
        String given = parameterExample(op, query, name);
        assertEquals(given, recorded.getUrl().queryParameter(query), query);
      }
      JsonNode back = JSON.readTree(client.moshi().adapter(Object.class).toJson(
          client.moshi().adapter((Class<Object>) parsed.getClass()).toJsonValue(parsed)));
      assertTrue(sameJson(answer, back), name + " round trip:\n" + answer + "\n" + back);
    }
  }

  private Object call(KlingClient client, String path, String method, JsonNode op, String name, JsonNode body)
      throws Exception {
    NewStandardService ns = client.newStandard();
    String model = parameterExample(op, "model", name);
    switch (path) {
      case "/text-to-video/{model}":
        return ns.textToVideo(model).submit(read(client, body, NewStandardTextToVideoRequest.class));
      case "/image-to-video/{model}":
        return ns.imageToVideo(model).submit(read(client, body, NewStandardImageToVideoRequest.class));
      case "/omni-video/{model}":
        return ns.omniVideo(model).submit(read(client, body, NewStandardOmniVideoRequest.class));
      case "/motion-control/{model}":
        return ns.motionControl(model).submit(read(client, body, NewStandardMotionControlRequest.class));
      case "/tasks":
        if (method.equals("post")) {
          return ns.list(read(client, body, NewStandardTaskQueryRequest.class));
        }
        return ns.raw(ids(parameterExample(op, "task_ids", name)),
            ids(parameterExample(op, "external_task_ids", name))).body();
      default:
        throw new AssertionError("a new-standard path this test does not know: " + path);
    }
  }

  @Test
  void theTaskV2FamilyIsServedByTheGeneratedInterfaceNotByATaskFamily() {
    assertEquals(null, io.github.klingjava.vendor.TaskFamily.named("new-standard"));
    List<String> methods = java.util.Arrays.stream(io.github.klingjava.generated.api.NewStandardApi.class
        .getDeclaredMethods()).map(java.lang.reflect.Method::getName).sorted().toList();
    List<String> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : SPEC.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (op.getValue().path("tags").path(0).asText().equals("new-standard")) {
          operations.add(op.getValue().path("operationId").asText());
        }
      }
    }
    assertEquals(operations.stream().sorted().toList(), methods);
  }

  @Test
  void manyIdsAreAskedInChunksOfTheSpecsLimit() throws Exception {
    int limit = SPEC.at("/paths/~1tasks/get/parameters/0/schema/maxItems").asInt();
    String[] ids = IntStream.range(0, 2 * limit + 5).mapToObj(i -> "9000000000000" + i).toArray(String[]::new);
    for (int i = 0; i < 3; i++) {
      server.enqueue(json("{\"code\":0,\"message\":\"SUCCEED\",\"data\":[]}"));
    }
    try (KlingClient client = client()) {
      assertEquals(limit, client.newStandard().batchLimit());
      client.newStandard().get(ids);
    }
    assertEquals(3, server.getRequestCount());
    List<Integer> sizes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      sizes.add(server.takeRequest().getUrl().queryParameter("task_ids").split(",").length);
    }
    assertEquals(List.of(limit, limit, 5), sizes);
  }

  @Test
  void aQueryTakesExactlyOneOfTheIdParameters() {
    try (KlingClient client = client()) {
      KlingValidationException both = assertThrows(KlingValidationException.class,
          () -> client.newStandard().raw(List.of("1"), List.of("a")));
      assertTrue(both.getMessage().contains("exactly one of task_ids and external_task_ids"), both.getMessage());
      KlingValidationException none = assertThrows(KlingValidationException.class,
          () -> client.newStandard().raw(List.of(), null));
      assertTrue(none.getMessage().contains("none was given"), none.getMessage());
      KlingValidationException comma = assertThrows(KlingValidationException.class,
          () -> client.newStandard().get("1,2"));
      assertTrue(comma.getMessage().contains("$.task_ids[0]"), comma.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anAnswerWithoutTheTaskIsATypedErrorWithTheRawBody() {
    String body = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"status\":\"submitted\"}}";
    server.enqueue(json(body));
    try (KlingClient client = client()) {
      UnexpectedResponseException e = assertThrows(UnexpectedResponseException.class, () -> client.newStandard()
          .textToVideo("kling-3.0").submit(new NewStandardTextToVideoRequest().prompt("A fox")));
      assertEquals(body, e.rawBody());
      assertTrue(e.getMessage().contains("$.data.id"), e.getMessage());
    }
  }

  @Test
  void theBatchAnswerReadsAsOneTaskViewPerTask() {
    server.enqueue(json(SpecExampleFixtures.example("newStandard.tasks.batch-of-two").toString()));
    try (KlingClient client = client()) {
      List<TaskView> views = client.newStandard().get("893605946402811985", "893605946402811986");
      assertEquals(TaskView.State.SUCCEEDED, views.get(0).state());
      assertEquals("succeeded", views.get(0).status());
      assertEquals(List.of("https://cdn.klingai.example/videos/893605946402811985.mp4"), views.get(0).videoUrls());
      assertEquals("unit", views.get(0).billing().get(0).chargeType());
      assertEquals(TaskView.State.PROCESSING, views.get(1).state());
      assertEquals(TaskView.Standard.NEW, views.get(1).standard());
    }
  }

  static <T> T read(KlingClient client, JsonNode body, Class<T> type) throws Exception {
    return client.moshi().adapter(type).fromJson(body.toString());
  }

  private static List<String> ids(String joined) {
    return joined == null ? null : List.of(joined.split(","));
  }

  /** The value of an operation's parameter for a named example (arrays joined with commas), or null. */
  static String parameterExample(JsonNode op, String parameter, String name) {
    for (JsonNode p : op.path("parameters")) {
      if (p.path("name").asText().equals(parameter) && p.path("examples").has(name)) {
        JsonNode value = p.path("examples").path(name).path("value");
        if (value.isArray()) {
          List<String> parts = new ArrayList<>();
          value.forEach(v -> parts.add(v.asText()));
          return String.join(",", parts);
        }
        return value.asText();
      }
    }
    return null;
  }

  private KlingClient client() {
    // exact request bodies: no generated external ids (NewStandardSubmitTest covers those)
    return KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.apiKey(KEY)).externalTaskIds(false).build();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static List<String> names(JsonNode examples) {
    List<String> out = new ArrayList<>();
    examples.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static JsonNode spec() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of("openapi/kling-api.yaml")));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
