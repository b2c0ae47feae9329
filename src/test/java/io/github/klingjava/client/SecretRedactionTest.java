package io.github.klingjava.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.error.ErrorHandler;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.vendor.VendorProfile;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Secrets that users put into URLs never reach messages, whichever layer writes the message. */
class SecretRedactionTest {
  private static final String TOKEN = "S3cr3tT0kenABCDEFGHIJKLMNOP";

  @Test
  void aBrokenCallbackUrlIsReportedWithoutItsQuery() {
    ImageToVideoRequest request = new ImageToVideoRequest().image("https://example.com/a.jpg")
        .callbackUrl("https://hooks.example.com/k?token=" + TOKEN + "\n");
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> RequestValidator.create().validate(RequestValidator.IMAGE_TO_VIDEO, request));
    assertTrue(e.getMessage().contains("$.callback_url: \"https://hooks.example.com/k?…\""), e.getMessage());
    assertFalse(e.getMessage().contains("S3cr3t"), e.getMessage());
  }

  @Test
  void aServerEchoingTheCallbackTokenIsMasked() {
    String body = "{\"code\":1201,\"message\":\"bad callback_url https://h.example.com/cb?token=" + TOKEN
        + "&x=1\",\"request_id\":\"r-1\"}";
    KlingApiException e = ErrorHandler.create().toException(400, Headers.of(), body);
    assertFalse(e.getMessage().contains("S3cr3t"), e.getMessage());
    assertFalse(e.toString().contains("S3cr3t"), e.toString());
    assertTrue(e.rawBody().contains(TOKEN), "the raw body stays available on request");
  }

  @Test
  void baseUrlsLoseTheirUserInfoInMessages() {
    VendorProfile proxy = VendorProfile.custom("https://user:" + TOKEN + "@proxy.example.com/kling");
    assertFalse(proxy.toString().contains("S3cr3t"), proxy.toString());
    assertFalse(proxy.displayName().contains("S3cr3t"), proxy.displayName());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> VendorProfile.custom("https://proxy.example.com/kling?key=" + TOKEN));
    assertFalse(bad.getMessage().contains("S3cr3t"), bad.getMessage());
  }
}
