package io.github.klingjava.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.auth.Credentials;
import io.github.klingjava.client.KlingClient;
import io.github.klingjava.generated.model.ImageToVideoRequest;
import io.github.klingjava.http.RetryPolicy;
import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.vendor.VendorProfile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import javax.imageio.ImageIO;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ImageInputs#file}: checked up front, Base64 written while sending, length known, retries re-read. */
class StreamedImageTest {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private static final String TASK = "{\"code\":0,\"message\":\"SUCCEED\",\"request_id\":\"r-1\","
      + "\"data\":{\"task_id\":\"t-1\",\"task_status\":\"submitted\",\"created_at\":1,\"updated_at\":1}}";

  @TempDir
  Path dir;

  @Test
  void aFileReferenceBecomesItsBase64WhileTheBodyIsWritten() throws IOException {
    byte[] png = png(640, 480);
    Path file = Files.write(dir.resolve("big.png"), png);
    String ref = ImageInputs.file(file);
    assertTrue(ImageFiles.isCheckedReference(ref));
    ByteString json = ByteString.encodeUtf8("{\"image\":\"" + ref + "\",\"prompt\":\"p\"}");
    RequestBody body = StreamedJsonBody.of(JSON, json);
    String expected = "{\"image\":\"" + Base64.getEncoder().encodeToString(png) + "\",\"prompt\":\"p\"}";
    assertEquals(expected.length(), body.contentLength());
    for (int attempt = 0; attempt < 2; attempt++) { // a retry writes it again, from the file
      Buffer sent = new Buffer();
      body.writeTo(sent);
      assertEquals(expected, sent.readUtf8());
    }
    Files.write(file, new byte[png.length + 1]);
    assertThrows(IOException.class, () -> body.writeTo(new Buffer()), "a changed file is not sent");
  }

  @Test
  void theHeaderIsCheckedUpFront() throws IOException {
    Path small = Files.write(dir.resolve("small.png"), png(100, 100));
    KlingValidationException e = assertThrows(KlingValidationException.class, () -> ImageInputs.file(small));
    assertEquals("small.png", e.subject());
    assertTrue(e.violations().stream().anyMatch(v -> v.rule().equals("minWidth")), e.getMessage());
  }

  @Test
  void bodiesWithoutReferencesAreSentAsWritten() throws IOException {
    RequestBody body = StreamedJsonBody.of(JSON, ByteString.encodeUtf8("{\"prompt\":\"kling-image-file:no\"}"));
    Buffer sent = new Buffer();
    body.writeTo(sent);
    assertEquals("{\"prompt\":\"kling-image-file:no\"}", sent.readUtf8());
    assertFalse(ImageFiles.isCheckedReference("kling-image-file:no"));
  }

  @Test
  void theClientStreamsTheFileAndResendsItOnARetry() throws Exception {
    byte[] png = png(400, 400);
    Path file = Files.write(dir.resolve("frame.png"), png);
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
          .body("{\"code\":1302,\"message\":\"too fast\",\"request_id\":\"r-0\"}").build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(TASK).build());
      try (KlingClient client = KlingClient.builder().externalTaskIds(false)
          .vendor(VendorProfile.custom(server.url("/").toString()))
          .credentials(Credentials.apiKey("test-key-not-a-secret-0001"))
          .retryPolicy(RetryPolicy.create())
          .sleeper(d -> { })
          .build()) {
        client.imageToVideo().submit(new ImageToVideoRequest().image(ImageInputs.file(file)).prompt("go"));
      }
      String expected = "{\"image\":\"" + Base64.getEncoder().encodeToString(png) + "\",\"prompt\":\"go\"}";
      for (int i = 0; i < 2; i++) {
        RecordedRequest r = server.takeRequest();
        assertEquals(String.valueOf(expected.length()), r.getHeaders().get("Content-Length"));
        assertEquals(expected, r.getBody().utf8());
      }
    }
  }

  private static byte[] png(int width, int height) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    img.setRGB(width / 2, height / 2, 0x3366FF);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "png", out);
    return out.toByteArray();
  }
}
