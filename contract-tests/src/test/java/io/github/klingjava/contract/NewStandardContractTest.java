package io.github.klingjava.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.client.NewStandardService;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.JsonDiff;
import io.github.klingjava.contract.client.Models;
import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.client.WireLog;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.generated.model.NewStandardImageToVideoRequest;
import io.github.klingjava.generated.model.NewStandardMotionControlRequest;
import io.github.klingjava.generated.model.NewStandardOmniVideoRequest;
import io.github.klingjava.generated.model.NewStandardTaskQueryRequest;
import io.github.klingjava.generated.model.NewStandardTextToVideoRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The new standard's named examples (tag {@code new-standard}) through the client's facade
 * ({@code client.newStandard()}) against Prism: every request the client puts on the wire passes Prism's
 * validation (no {@code sl-violations}; the create bodies carry the client's generated external id) and the
 * answer parses into the named 200 example. Derived from the spec on every run.
 */
@ExtendWith(PrismExtension.class)
@DisplayName("new standard through the client")
class NewStandardContractTest {

  @TestFactory
  @DisplayName("example")
  Stream<DynamicTest> everyNewStandardExampleThroughTheFacade(PrismSession prism) {
    List<DynamicTest> tests = new ArrayList<>();
    JsonNode paths = SpecDocument.load().root().path("paths");
    for (Map.Entry<String, JsonNode> path : paths.properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        if (!op.getValue().path("tags").path(0).asText().equals("new-standard")) {
          continue;
        }
        op.getValue().at("/responses/200/content/application~1json/examples").fieldNames().forEachRemaining(
            name -> tests.add(DynamicTest.dynamicTest(op.getValue().path("operationId").asText() + " " + name,
                () -> check(prism, path.getKey(), op.getKey(), op.getValue(), name))));
      }
    }
    if (tests.size() < 10) {
      throw new AssertionError("too few new-standard examples: " + tests.size());
    }
    return tests.stream();
  }

  private static void check(PrismSession prism, String path, String method, JsonNode op, String name)
      throws Exception {
    Clients.Wired wired = Clients.mock(prism, true, "example=" + name);
    try (KlingClient client = wired.client()) {
      Object answer = call(client.newStandard(), path, method, op, name);
      WireLog.Exchange exchange = wired.wire().last();
      List<SlViolation> violations = exchange.parsedViolations();
      if (exchange.status() != 200 || !violations.isEmpty()) {
        throw new AssertionError(name + ": Prism answered " + exchange.status() + " with " + violations
            + " to " + exchange.method() + " " + exchange.url() + " " + exchange.requestBody());
      }
      JsonNode expected = SpecDocument.load().resolve(op.at("/responses/200/content/application~1json/examples/"
          + name)).path("value");
      List<String> diff = JsonDiff.diff(expected, Models.write(answer));
      if (!diff.isEmpty()) {
        throw new AssertionError(name + ": the parsed answer is not the named example: " + diff);
      }
    }
  }

  private static Object call(NewStandardService ns, String path, String method, JsonNode op, String name) {
    JsonNode request = op.at("/requestBody/content/application~1json/examples/" + name);
    JsonNode body = request.isMissingNode() ? null : SpecDocument.load().resolve(request).path("value");
    String model = example(op, "model", name);
    switch (path) {
      case "/text-to-video/{model}":
        return ns.textToVideo(model).submit(Models.lenient(NewStandardTextToVideoRequest.class, body));
      case "/image-to-video/{model}":
        return ns.imageToVideo(model).submit(Models.lenient(NewStandardImageToVideoRequest.class, body));
      case "/omni-video/{model}":
        return ns.omniVideo(model).submit(Models.lenient(NewStandardOmniVideoRequest.class, body));
      case "/motion-control/{model}":
        return ns.motionControl(model).submit(Models.lenient(NewStandardMotionControlRequest.class, body));
      case "/tasks":
        if (method.equals("post")) {
          return ns.list(Models.lenient(NewStandardTaskQueryRequest.class, body));
        }
        return ns.raw(ids(example(op, "task_ids", name)), ids(example(op, "external_task_ids", name))).body();
      default:
        throw new AssertionError("a new-standard path this test does not know: " + path);
    }
  }

  private static List<String> ids(String joined) {
    return joined == null ? null : List.of(joined.split(","));
  }

  /** The parameter's value for the named example, arrays joined with commas; null when it has none. */
  private static String example(JsonNode op, String parameter, String name) {
    for (JsonNode p : op.path("parameters")) {
      JsonNode value = p.path("examples").path(name).path("value");
      if (p.path("name").asText().equals(parameter) && !value.isMissingNode()) {
        List<String> parts = new ArrayList<>();
        if (value.isArray()) {
          value.forEach(v -> parts.add(v.asText()));
        } else {
          parts.add(value.asText());
        }
        return String.join(",", parts);
      }
    }
    return null;
  }
}
