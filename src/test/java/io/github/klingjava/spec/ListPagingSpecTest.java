package io.github.klingjava.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.vendor.VendorProfile;
import io.github.klingjava.paging.PagerOptions;
import io.github.klingjava.paging.SpecPaging;
import io.github.klingjava.vendor.TaskFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every list operation of the spec says how it pages, and the generated family metadata the pager runs on
 * carries exactly that recipe, with the limits of the parameters it names read from their schemas: the
 * operations and the limits are derived from the spec here, never retyped.
 */
final class ListPagingSpecTest {
  private final SpecDocument spec = SpecDocument.load();

  @Test
  void everyListOperationHasPagingTheGeneratedMetadataAndThePagerAccept() {
    Map<String, SpecPaging> generated = new HashMap<>();
    for (TaskFamily family : TaskFamily.values()) {
      family.operations().forEach(o -> o.paging().ifPresent(p -> generated.put(o.operationId(), p)));
    }
    // the new standard's family (kind task-v2) is served by client.newStandard(), which reads its recipe
    try (KlingClient client = newStandardClient()) {
      generated.put("listNewStandardTasks", client.newStandard().listPaging());
    }
    List<String> lists = new ArrayList<>();
    for (JsonNode op : spec.operations().values()) {
      if (!op.path("x-kling-operation").asText().equals("list") && !op.has("x-kling-paging")) {
        continue;
      }
      String id = op.path("operationId").asText();
      lists.add(id);
      JsonNode paging = op.path("x-kling-paging");
      assertTrue(paging.isObject(), id + " is a list operation without x-kling-paging");
      SpecPaging recipe = Optional.ofNullable(generated.get(id))
          .orElseThrow(() -> new AssertionError(id + ": the generated TaskFamily carries no paging"));
      assertEquals(paging.path("style").asText(), recipe.style().name().toLowerCase(), id);
      assertEquals(paging.path("items").asText(), recipe.itemsPointer(), id);
      assertEquals(text(paging, "size"), recipe.sizeParameter(), id);
      assertEquals(paging.path("in").asText("query").equals("body"), recipe.inBody(), id);
      if (recipe.style() == SpecPaging.Style.PAGE) {
        assertEquals(text(paging, "page"), recipe.pageParameter(), id);
        JsonNode page = parameterSchema(op, paging.path("page").asText());
        assertEquals(page.path("maximum").asInt(Integer.MAX_VALUE), recipe.lastPage(), id);
        assertEquals(page.path("minimum").asInt(1), recipe.firstPage(), id);
      } else {
        assertEquals(text(paging, "cursor"), recipe.cursorParameter(), id);
        assertEquals(text(paging, "next"), recipe.nextPointer(), id);
        assertEquals(text(paging, "hasMore"), recipe.hasMorePointer(), id);
      }
      if (paging.has("size")) {
        JsonNode size = recipe.inBody() ? bodyPropertySchema(op, paging.path("size").asText())
            : parameterSchema(op, paging.path("size").asText());
        assertEquals(optionalInt(size, "maximum"), recipe.maxPageSize(), id);
        assertEquals(optionalInt(size, "default"), recipe.defaultPageSize(), id);
        // the pager takes the spec's default size and refuses one past the maximum
        recipe.pageSize(PagerOptions.defaults());
        recipe.maxPageSize().ifPresent(max -> recipe.pageSize(PagerOptions.defaults().pageSize(max)));
      }
    }
    assertFalse(lists.isEmpty(), "the spec has list operations");
    assertTrue(lists.size() >= 15, "the 15 task lists at least: " + lists);
  }

  private JsonNode bodyPropertySchema(JsonNode op, String name) {
    JsonNode body = spec.follow(op.path("requestBody").path("content").path("application/json").path("schema"));
    JsonNode property = body.path("properties").path(name);
    if (property.isMissingNode()) {
      throw new AssertionError(op.path("operationId").asText() + ": no body property " + name);
    }
    return spec.follow(property);
  }

  private static KlingClient newStandardClient() {
    return KlingClient.builder().vendor(VendorProfile.custom("http://127.0.0.1:9/"))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).build();
  }

  private JsonNode parameterSchema(JsonNode op, String name) {
    for (JsonNode parameter : op.path("parameters")) {
      JsonNode p = spec.follow(parameter);
      if (p.path("name").asText().equals(name) && p.path("in").asText().equals("query")) {
        return spec.follow(p.path("schema"));
      }
    }
    throw new AssertionError(op.path("operationId").asText() + ": no query parameter " + name);
  }

  private static Optional<String> text(JsonNode paging, String key) {
    return paging.has(key) ? Optional.of(paging.path(key).asText()) : Optional.empty();
  }

  private static Optional<Integer> optionalInt(JsonNode schema, String key) {
    return schema.has(key) ? Optional.of(schema.path(key).asInt()) : Optional.empty();
  }
}
