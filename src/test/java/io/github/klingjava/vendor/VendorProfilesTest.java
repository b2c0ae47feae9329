package io.github.klingjava.vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.generated.model.ImageExpansionRequest;
import io.github.klingjava.generated.model.ImageGenerationRequest;
import io.github.klingjava.generated.model.SubjectImage;
import io.github.klingjava.validation.KlingValidationException;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The documented quirks each vendor profile carries, and what they do on the wire. */
class VendorProfilesTest {
  private static final String OK = "{\"code\":0,\"message\":\"SUCCEED\",\"data\":{\"task_id\":\"1\","
      + "\"task_status\":\"submitted\",\"created_at\":1,\"updated_at\":1}}";

  @Test
  void hostsAndPrefixes() {
    assertEquals("https://api.cometapi.com/kling/", VendorProfile.cometApi().baseUrl().toString());
    assertEquals("https://www.anyapi.vip/kling/", VendorProfile.anyApi().baseUrl().toString());
    assertEquals("https://api-singapore.klingai.com/", VendorProfile.klingSingapore().baseUrl().toString());
    assertEquals("https://api-beijing.klingai.com/", VendorProfile.klingBeijing().baseUrl().toString());
    assertEquals("http://127.0.0.1:4010/", VendorProfile.custom("http://127.0.0.1:4010").baseUrl().toString());
    assertEquals(AuthKind.API_KEY, VendorProfile.cometApi().authKind());
    assertEquals(AuthKind.API_KEY_OR_ACCESS_KEY, VendorProfile.klingSingapore().authKind());
  }

  @Test
  void cometApiDocumentsExpandAsUnavailable() {
    assertTrue(VendorProfile.cometApi().isKnownUnavailable(TaskFamily.IMAGE_EXPANSION));
    assertFalse(VendorProfile.anyApi().isKnownUnavailable(TaskFamily.IMAGE_EXPANSION));
    assertTrue(VendorProfile.cometApi().withBaseUrl("http://127.0.0.1:1/kling").isKnownUnavailable(TaskFamily.IMAGE_EXPANSION));
  }

  @Test
  void cometApiSendsBottomExpansionRatio() throws Exception {
    String body = sendExpand(VendorProfile.cometApi());
    assertJson("{\"image\":\"https://example.com/cat.jpg\",\"up_expansion_ratio\":0.1,"
        + "\"bottom_expansion_ratio\":0.2,\"left_expansion_ratio\":0.3,\"right_expansion_ratio\":0.4}", body);
  }

  @Test
  void anyApiFillsDefaultN() throws Exception {
    String body = sendExpand(VendorProfile.anyApi());
    assertJson("{\"image\":\"https://example.com/cat.jpg\",\"up_expansion_ratio\":0.1,"
        + "\"down_expansion_ratio\":0.2,\"left_expansion_ratio\":0.3,\"right_expansion_ratio\":0.4,\"n\":1}", body);
  }

  @Test
  void klingKeepsTheSpecNames() throws Exception {
    String body = sendExpand(VendorProfile.klingSingapore());
    assertTrue(body.contains("\"down_expansion_ratio\":0.2") && !body.contains("\"n\""), body);
  }

  @Test
  void bottomExpansionRatioIsRenamedOnKlingAndAnyApiHosts() throws Exception {
    for (VendorProfile profile : java.util.List.of(VendorProfile.klingSingapore(),
        VendorProfile.klingBeijing(), VendorProfile.anyApi())) {
      String body = send(profile, new ImageExpansionRequest().image("https://example.com/cat.jpg")
          .upExpansionRatio(0.1f).bottomExpansionRatio(0.2f).leftExpansionRatio(0.3f)
          .rightExpansionRatio(0.4f));
      assertTrue(body.contains("\"down_expansion_ratio\":0.2") && !body.contains("bottom"),
          profile.id() + ": " + body);
    }
  }

  @Test
  void cometApiOnlyFieldsAreRefusedOnKlingAndAnyApiHostsNamingTheVendor() {
    ImageGenerationRequest multiSubject = new ImageGenerationRequest()
        .subjectImageList(java.util.List.of(new SubjectImage().subjectImage("https://e.com/a.png"),
            new SubjectImage().subjectImage("https://e.com/b.png")))
        .scenceImage("https://e.com/park.jpg");
    for (VendorProfile profile : java.util.List.of(VendorProfile.klingSingapore(),
        VendorProfile.klingBeijing(), VendorProfile.anyApi())) {
      KlingValidationException e = assertThrows(KlingValidationException.class,
          () -> send(profile, multiSubject));
      assertTrue(e.getMessage().contains("$.subject_image_list: property subject_image_list is"
          + " documented by cometapi only, not by " + profile.id()), e.getMessage());
      assertTrue(e.getMessage().contains("$.scence_image: property scence_image is documented by"
          + " cometapi only"), e.getMessage());
    }
  }

  @Test
  void cometApiOnlyFieldsGoToCometApi() throws Exception {
    String body = send(VendorProfile.cometApi(), new ImageGenerationRequest()
        .subjectImageList(java.util.List.of(new SubjectImage().subjectImage("https://e.com/a.png"),
            new SubjectImage().subjectImage("https://e.com/b.png")))
        .scenceImage("https://e.com/park.jpg"));
    assertTrue(body.contains("\"scence_image\"") && body.contains("\"subject_image_list\""), body);
  }

  @Test
  void rewritingKeepsNumbersExactAndNestedValues() throws Exception {
    Buffer in = new Buffer().writeUtf8("{\"a\":1,\"b\":[1.50,{\"c\":null}],\"d\":true,\"e\":\"x\"}");
    Buffer out = VendorWireInterceptor.rewrite(in, Map.of("a", "z"), Map.of("n", 1));
    assertEquals("{\"z\":1,\"b\":[1.50,{\"c\":null}],\"d\":true,\"e\":\"x\",\"n\":1}", out.readUtf8());
  }

  @Test
  void badBaseUrlsNameTheSetting() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VendorProfile.custom("ftp:/x"));
    assertTrue(e.getMessage().startsWith("baseUrl:"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> VendorProfile.custom("http://h/?a=1"));
  }

  @Test
  void pathsOutsideSubmitRoutesAreUntouched() {
    assertEquals(TaskFamily.IMAGE_EXPANSION, TaskFamily.ofPath("v1/images/editing/expand/123"));
    assertEquals(TaskFamily.TEXT_TO_VIDEO, TaskFamily.ofPath("v1/videos/text2video/123"));
    assertEquals(null, TaskFamily.ofPath("v1/account/costs"));
  }

  private static void assertJson(String expected, String actual) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertEquals(json.readTree(expected), json.readTree(actual), actual);
  }

  private static String send(VendorProfile profile, Object request) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
      String prefix = profile.baseUrl().encodedPath();
      try (KlingClient client = KlingClient.builder().vendor(profile.withBaseUrl(server.url(prefix).toString()))
          .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).build()) {
        if (request instanceof ImageExpansionRequest) {
          client.imageExpansion().submit((ImageExpansionRequest) request);
        } else {
          client.imageGeneration().submit((ImageGenerationRequest) request);
        }
      }
      return server.takeRequest().getBody().utf8();
    }
  }

  private static String sendExpand(VendorProfile profile) throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(200).body(OK).build());
      String prefix = profile.baseUrl().encodedPath();
      try (KlingClient client = KlingClient.builder().vendor(profile.withBaseUrl(server.url(prefix).toString()))
          .credentials(Credentials.apiKey("test-key-not-a-secret-0001")).build()) {
        client.imageExpansion().raw().submit(new ImageExpansionRequest().image("https://example.com/cat.jpg")
            .upExpansionRatio(0.1f).downExpansionRatio(0.2f).leftExpansionRatio(0.3f).rightExpansionRatio(0.4f));
      }
      return server.takeRequest().getBody().utf8();
    }
  }
}
