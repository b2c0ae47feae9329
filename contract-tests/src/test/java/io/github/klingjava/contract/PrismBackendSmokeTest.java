package io.github.klingjava.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.contract.prism.PrismExtension;
import io.github.klingjava.contract.prism.PrismSession;
import io.github.klingjava.contract.report.Rows;
import io.github.klingjava.contract.report.Section;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The run's Prism answers on the loopback interface, from the spec, on the chosen backend. */
@Tag("smoke")
@ExtendWith(PrismExtension.class)
class PrismBackendSmokeTest {

  @Test
  @DisplayName("the mock listens on 127.0.0.1 and serves a named example of the spec")
  void mockServesTheSpec(PrismSession prism) throws Throwable {
    Rows.run(Section.BACKEND, "listImageGenerationTasks", "mock serves the spec", prism.mockTarget(), "",
        row -> {
          assertTrue(prism.mock().baseUrl().startsWith("http://127.0.0.1:"), prism.mock().baseUrl());
          Request request = new Request.Builder()
              .url(prism.mock().baseUrl() + "/v1/images/generations?pageNum=1&pageSize=2")
              .header("Authorization", "Bearer smoke").header("Prefer", "example=empty-page").build();
          try (Response response = io.github.klingjava.contract.client.Clients.shared().newCall(request).execute()) {
            assertEquals(200, response.code());
            assertNull(response.header("sl-violations"), "no violations expected");
            assertTrue(response.body().string().contains("\"data\":[]"));
          }
          row.note(prism.mock().description());
        });
  }
}
