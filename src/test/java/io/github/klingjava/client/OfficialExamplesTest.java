package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.callback.CallbackReceiver;
import io.github.klingjava.callback.CallbackResult;
import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.error.RateLimitException;
import io.github.klingjava.family.FamilyKind;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.vendor.TaskFamily;
import io.github.klingjava.vendor.VendorProfile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every official example of the fact sheets for a route the spec documents (listed as data in
 * {@code src/test/resources/official-examples/index.json}): a request validates, is sent
 * unchanged and round-trips through its model; a response, callback or error body parses with no
 * field lost. Quoted numbers in a request ({@code "n": "9"}, R51) count as the same number.
 */
class OfficialExamplesTest {
  private static final Path DIR = Path.of("src/test/resources/official-examples");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String OK = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"1\","
      + "\"task_status\":\"submitted\",\"created_at\":1,\"updated_at\":1}}";

  @TestFactory
  Stream<DynamicTest> everyOfficialExample() throws Exception {
    JsonNode index = JSON.readTree(DIR.resolve("index.json").toFile());
    List<DynamicTest> tests = new ArrayList<>();
    for (JsonNode entry : index.path("examples")) {
      String name = entry.path("source").asText() + " " + entry.path("file").asText();
      tests.add(DynamicTest.dynamicTest(name, () -> check(entry)));
    }
    assertTrue(tests.size() >= 27, "examples: " + tests.size());
    return tests.stream();
  }

  private static void check(JsonNode entry) throws Exception {
    String file = entry.path("file").asText();
    ObjectNode example = (ObjectNode) JSON.readTree(Files.readString(
        file.contains("/") ? Path.of(file) : DIR.resolve(file)));
    entry.path("placeholders").fields().forEachRemaining(p -> example.set(p.getKey(), p.getValue()));
    switch (entry.path("kind").asText()) {
      case "request" -> request(example, TaskFamily.valueOf(entry.path("family").asText()),
          entry.path("vendor").asText());
      case "response" -> assertRoundTrip(example, TaskResponse.class);
      case "callback" -> callback(example);
      case "error" -> error(example);
      default -> throw new AssertionError("unknown kind in index.json: " + entry);
    }
  }

  private static void request(JsonNode example, TaskFamily family, String vendorId)
      throws Exception {
    Class<?> type = family.requestType(); // from the spec: a new family needs no line here
    Object model = KlingMoshi.create().adapter(type).fromJson(example.toString());
    assertEquals(List.of(), RequestValidator.create().check(family.requestSchema(), model,
        vendorId), "validates");
    assertRoundTrip(example, type);
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type",
          "application/json").body(OK).build());
      VendorProfile vendor = profile(vendorId, server);
      try (KlingClient client = KlingClient.builder().externalTaskIds(false).vendor(vendor)
          .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).build()) {
        submit(client, family, model);
      }
      JsonNode sent = JSON.readTree(server.takeRequest().getBody().utf8());
      assertTrue(same(example, sent), "sent unchanged:\n " + example + "\n " + sent);
    }
  }

  private static VendorProfile profile(String id, MockWebServer server) {
    return switch (id) {
      case "cometapi" -> VendorProfile.cometApi().withBaseUrl(server.url("/kling").toString());
      case "anyapi" -> VendorProfile.anyApi().withBaseUrl(server.url("/kling").toString());
      case "kling-singapore" -> VendorProfile.klingSingapore()
          .withBaseUrl(server.url("/").toString());
      default -> VendorProfile.custom(server.url("/").toString());
    };
  }

  @SuppressWarnings("unchecked")
  private static void submit(KlingClient client, TaskFamily family, Object model) {
    // through the family the spec names (a sync family: its first call), so a new family needs no line here
    if (family.kind() == FamilyKind.SYNC) {
      client.syncFamily(family).call(family.operation("call").orElseThrow().operationId(), model);
    } else {
      ((TaskFamilyService<Object>) client.family(family)).submit(model);
    }
  }

  /** Parsed into its model and written back, the example loses nothing. */
  private static <T> void assertRoundTrip(JsonNode example, Class<T> type) throws Exception {
    T model = KlingMoshi.create().adapter(type).fromJson(example.toString());
    JsonNode back = JSON.readTree(KlingMoshi.create().adapter(type).toJson(model));
    assertTrue(same(example, back), "round trip:\n " + example + "\n " + back);
  }

  private static void callback(JsonNode example) throws Exception {
    CallbackResult result = CallbackReceiver.builder().build()
        .receive(example.toString(), "/", null);
    assertTrue(result.isAccepted(), result.toString());
    Task task = result.task().orElseThrow();
    JsonNode back = JSON.readTree(KlingMoshi.create().adapter(Task.class).toJson(task));
    // every field of the body is still there with its value (the new-standard shape gains the
    // legacy names it maps to)
    Iterator<Map.Entry<String, JsonNode>> fields = example.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      assertTrue(same(f.getValue(), back.path(f.getKey())), f.getKey() + " lost: " + back);
    }
  }

  private static void error(JsonNode example) {
    String body = example.toString();
    RateLimitException e = assertInstanceOf(RateLimitException.class,
        ErrorHandler.create().toException(429, Headers.of(), body));
    assertEquals(body, e.rawBody());
    assertEquals(example.path("request_id").asText(), e.requestId());
  }

  /** JSON equality: numbers by value, a quoted number equals that number, null equals absent. */
  static boolean same(JsonNode a, JsonNode b) {
    if (a == null || a.isNull() || a.isMissingNode()) {
      return b == null || b.isNull() || b.isMissingNode();
    }
    if (a.isNumber() || b.isNumber()) {
      BigDecimal x = number(a);
      BigDecimal y = number(b);
      return x != null && y != null && x.compareTo(y) == 0;
    }
    if (a.isObject() && b.isObject()) {
      List<String> names = new ArrayList<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(n -> {
        if (!names.contains(n)) {
          names.add(n);
        }
      });
      return names.stream().allMatch(n -> same(a.path(n), b.path(n)));
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  private static BigDecimal number(JsonNode n) {
    try {
      return n.isNumber() ? n.decimalValue() : n.isTextual() ? new BigDecimal(n.asText()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
