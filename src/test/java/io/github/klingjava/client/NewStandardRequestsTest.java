package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.generated.model.NewStandardContent;
import io.github.klingjava.generated.model.NewStandardContentType;
import io.github.klingjava.generated.model.NewStandardImageToVideoRequest;
import io.github.klingjava.generated.model.NewStandardTaskQueryRequest;
import io.github.klingjava.generated.model.NewStandardTextToVideoRequest;
import io.github.klingjava.generated.model.NewStandardVideoSettings;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The new standard's requests are checked before sending (RECONCILIATION N02, N07, N14): a known model
 * keeps its limits from {@code x-kling-capabilities} (named at the request's {@code settings} path), the
 * {@code contents[]} items need their fields by type, and a model newer than the spec is sent.
 */
class NewStandardRequestsTest {
  private static final String CREATED = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"id\":\"893605946402811985\","
      + "\"status\":\"submitted\",\"create_time\":1781080778802,\"update_time\":1781080778802}}";
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
  void aKnownModelKeepsItsDurations() {
    KlingValidationException e = refused(() -> client().newStandard().textToVideo("kling-2.6")
        .submit(t2v(15)));
    assertEquals("$.settings.duration", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("kling-2.6 does not support duration 15 (supported: 5, 10)"), e.getMessage());
  }

  @Test
  void threePointZeroTurboHasNoAudioField() {
    NewStandardTextToVideoRequest request = t2v(5);
    request.getSettings().audio(io.github.klingjava.generated.model.NewStandardAudio.of("native"));
    KlingValidationException e = refused(() -> client().newStandard().textToVideo("kling-3.0-turbo").submit(request));
    assertTrue(e.getMessage().contains("kling-3.0-turbo does not support audio"), e.getMessage());
  }

  @Test
  void aLastFrameOnTwoPointSixNeedsTenEightyP() {
    NewStandardImageToVideoRequest request = new NewStandardImageToVideoRequest()
        .addContentsItem(content("first_frame").url("https://example.com/a.png"))
        .addContentsItem(content("last_frame").url("https://example.com/b.png"))
        .settings(new NewStandardVideoSettings().resolution(NewStandardVideoSettings.ResolutionEnum.of("720p")));
    KlingValidationException e = refused(() -> client().newStandard().imageToVideo("kling-2.6").submit(request));
    assertEquals("$.contents[type=last_frame]", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("needs resolution 1080p"), e.getMessage());
  }

  @Test
  void aContentItemNeedsItsFieldsByType() {
    NewStandardImageToVideoRequest request = new NewStandardImageToVideoRequest()
        .addContentsItem(content("prompt"))
        .addContentsItem(content("element").elementId("163"));
    KlingValidationException e = refused(() -> client().newStandard().imageToVideo("kling-3.0").submit(request));
    List<String> rules = e.violations().stream().map(v -> v.rule()).toList();
    assertTrue(rules.contains("prompt-content-needs-text") && rules.contains("element-content-needs-ids"),
        e.getMessage());
  }

  @Test
  void aMalformedModelIsRefused() {
    KlingValidationException e = refused(() -> client().newStandard().textToVideo("Kling 3.0").submit(t2v(5)));
    assertEquals("$.model", e.violations().get(0).path());
  }

  @Test
  void taskQueryTimesAreDigitStrings() {
    NewStandardTaskQueryRequest query = new NewStandardTaskQueryRequest().startTime("yesterday");
    KlingValidationException e = refused(() -> client().newStandard().list(query));
    assertTrue(e.getMessage().contains("start_time"), e.getMessage());
  }

  @Test
  void anUnknownModelIsSentUnchecked() throws Exception {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(CREATED).build());
    NewStandardTextToVideoRequest request = t2v(15);
    request.getSettings().resolution(NewStandardVideoSettings.ResolutionEnum.of("8k"));
    try (KlingClient client = client()) {
      assertEquals("893605946402811985", client.newStandard().textToVideo("kling-4.0").submit(request)
          .getData().getId());
    }
    RecordedRequest recorded = server.takeRequest();
    assertEquals("/text-to-video/kling-4.0", recorded.getUrl().encodedPath());
    assertTrue(recorded.getBody().utf8().contains("\"resolution\":\"8k\""), recorded.getBody().utf8());
  }

  private KlingValidationException refused(org.junit.jupiter.api.function.Executable call) {
    KlingValidationException e = assertThrows(KlingValidationException.class, call);
    assertEquals(0, server.getRequestCount(), "nothing may be sent");
    return e;
  }

  private static NewStandardTextToVideoRequest t2v(int duration) {
    return new NewStandardTextToVideoRequest().prompt("A fox in fresh snow")
        .settings(new NewStandardVideoSettings().duration(duration));
  }

  private static NewStandardContent content(String type) {
    return new NewStandardContent().type(NewStandardContentType.of(type));
  }

  @Test
  void accessKeyCredentialsAreRefusedBeforeAnythingIsSent() {
    try (KlingClient jwt = KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.accessKey("test-access-key-not-a-secret", "test-secret-key-not-a-secret")).build()) {
      IllegalStateException e = assertThrows(IllegalStateException.class, jwt::newStandard);
      assertTrue(e.getMessage().startsWith("credentials: the new standard (client.newStandard()) takes an API key only"),
          e.getMessage());
      assertTrue(!e.getMessage().contains("test-secret-key") && !e.getMessage().contains("test-access-key"),
          "no credential in the message");
      jwt.imageToVideo(); // the legacy standard still takes the JWT
    }
    assertEquals(0, server.getRequestCount());
  }

  private KlingClient client() {
    return KlingClient.builder().vendor(VendorProfile.custom(server.url("/").toString()))
        .credentials(Credentials.apiKey("test-key-not-a-secret-0003")).build();
  }
}
