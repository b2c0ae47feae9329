package io.github.klingjava.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.klingjava.contract.client.Clients;
import io.github.klingjava.contract.client.JsonDiff;
import io.github.klingjava.contract.client.SlViolation;
import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The named examples of the operations the client does not serve yet (issue #10: the spec-driven
 * facade is their client), over plain HTTP: Prism must accept each request example without
 * {@code sl-violations} and answer the named 200 example. Generated from the spec; once the facade
 * serves a family, its operations move to {@link ExampleContractTest}.
 */
@ExtendWith(PrismExtension.class)
@DisplayName("named examples (no client family yet)")
class UnservedExampleContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  @TestFactory
  @DisplayName("example")
  Stream<DynamicTest> okExamplesOverPlainHttp(PrismSession prism) {
    List<DynamicTest> tests = new ArrayList<>();
    for (OperationSpec op : SpecDocument.load().unservedOperations()) {
      for (Map.Entry<String, JsonNode> example : op.okExamples().entrySet()) {
        tests.add(DynamicTest.dynamicTest(op.operationId() + " " + example.getKey(),
            () -> check(prism, op, example.getKey(), example.getValue())));
      }
    }
    return tests.stream();
  }

  /**
   * The query of a GET from the spec: each query parameter's {@code example}, else its {@code default}
   * ({@code ?pageNum=1&pageSize=30} for the preset lists, the documented period for {@code /account/costs}).
   */
  private static String query(OperationSpec op) {
    SpecDocument spec = SpecDocument.load();
    List<String> pairs = new ArrayList<>();
    JsonNode parameters = spec.root().path("paths").path(op.path())
        .path(op.method().toLowerCase(java.util.Locale.ROOT)).path("parameters");
    for (JsonNode parameter : parameters) {
      JsonNode resolved = spec.resolve(parameter);
      JsonNode value = resolved.has("example") ? resolved.get("example") : resolved.path("schema").get("default");
      if (resolved.path("in").asText().equals("query") && value != null) {
        pairs.add(resolved.path("name").asText() + "=" + value.asText());
      }
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static void check(PrismSession prism, OperationSpec op, String name, JsonNode expected)
      throws Exception {
    String path = op.path().replace("{id}", "867283741759111202");
    // parameters that name a value for this example (the new standard's {model}, GET /tasks?task_ids=)
    StringBuilder query = new StringBuilder();
    JsonNode node = SpecDocument.load().root().at("/paths").path(op.path())
        .path(op.method().toLowerCase(java.util.Locale.ROOT));
    for (JsonNode parameter : node.path("parameters")) {
      JsonNode value = parameter.path("examples").path(name).path("value");
      if (value.isMissingNode()) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      (value.isArray() ? value : JSON.createArrayNode().add(value)).forEach(v -> parts.add(v.asText()));
      String text = String.join(",", parts);
      if (parameter.path("in").asText().equals("path")) {
        path = path.replace("{" + parameter.path("name").asText() + "}", text);
      } else if (parameter.path("in").asText().equals("query")) {
        query.append(query.length() == 0 ? "?" : "&").append(parameter.path("name").asText()).append('=')
            .append(text);
      }
    }
    if (query.length() == 0) {
      query.append(query(op)); // the spec's example or default of each query parameter
    }
    Request.Builder request = new Request.Builder().url(prism.mock().baseUrl() + path + query)
        .header("Authorization", "Bearer " + Clients.MOCK_KEY).header("Accept", "application/json")
        .header("Prefer", "example=" + name);
    JsonNode body = op.requestExamples().get(name);
    if (op.method().equals("POST")) {
      if (body == null) {
        throw new AssertionError(op.operationId() + " / " + name + ": no request example of that name");
      }
      request.post(RequestBody.create(body.toString(), JSON_TYPE));
    }
    try (Response response = Clients.shared().newCall(request.build()).execute()) {
      String where = op.operationId() + " / " + name;
      List<SlViolation> violations = SlViolation.parse(response.header("sl-violations"));
      if (response.code() != 200 || !violations.isEmpty()) {
        throw new AssertionError(where + ": Prism answered " + response.code() + " with sl-violations "
            + violations);
      }
      List<String> diff = JsonDiff.diff(expected, JSON.readTree(response.body().string()));
      if (!diff.isEmpty()) {
        throw new AssertionError(where + ": the answer is not the named example: " + diff);
      }
    }
  }
}
