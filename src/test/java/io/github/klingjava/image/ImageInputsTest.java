package io.github.klingjava.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.klingjava.validation.KlingValidationException;
import io.github.klingjava.validation.Violation;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageInputsTest {

  @TempDir
  Path dir;

  // ---------------------------------------------------------------------------------------------
  // fromFile

  @Test
  void aValidPngBecomesRawBase64OfItsBytes() throws IOException {
    Path file = write("cat.png", image("png", 400, 300));
    String base64 = ImageInputs.fromFile(file);
    assertFalse(base64.startsWith("data:"));
    assertTrue(base64.startsWith("iVBORw0KGgo"), base64.substring(0, 20)); // PNG signature
    assertArrayEquals(Files.readAllBytes(file), Base64.getDecoder().decode(base64));
    assertEquals(base64, ImageInputs.checkInline(base64));
  }

  @Test
  void aValidJpegPasses() throws IOException {
    Path file = write("dog.jpeg", image("jpg", 640, 480));
    assertArrayEquals(Files.readAllBytes(file),
        Base64.getDecoder().decode(ImageInputs.fromFile(file)));
  }

  @Test
  void theFormatComesFromTheContentNotTheExtension() throws IOException {
    ImageInputs.fromFile(write("really-a-png.jpg", image("png", 300, 300)));
    ImageInputs.fromFile(write("really-a-jpeg.png", image("jpg", 300, 300)));
    ImageInputs.fromFile(write("no-extension", image("png", 300, 300)));
  }

  @Test
  void aTextFileNamedPngIsNotAnImage() throws IOException {
    Path file = write("notes.png", "hello, this is text".getBytes(StandardCharsets.UTF_8));
    Violation v = only(file);
    assertEquals("format", v.rule());
    assertEquals("notes.png", v.path());
    assertEquals("68 65 6C 6C 6F 2C 20 74", v.value());
    assertTrue(v.message().startsWith("notes.png: the content is not a JPEG or PNG image (it"
        + " starts with 68 65 6C 6C 6F 2C 20 74;"), v.message());
    assertTrue(v.message().endsWith("(rule format)"), v.message());
  }

  @Test
  void anEmptyFileIsNotAnImage() throws IOException {
    Violation v = only(write("empty.jpg", new byte[0]));
    assertEquals("format", v.rule());
    assertEquals("empty.jpg: the file is empty, not a JPEG or PNG image (rule format)",
        v.message());
  }

  @Test
  void aTooSmallImageBreaksBothMinimums() throws IOException {
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.fromFile(write("thumb.png", image("png", 200, 120))));
    assertEquals("thumb.png", e.subject());
    assertEquals(List.of("minWidth 200 px", "minHeight 120 px"), rulesAndValues(e));
    assertEquals("thumb.png: the width 200 px is below the minimum 300 px (rule minWidth)",
        e.violations().get(0).message());
    assertEquals("thumb.png: the height 120 px is below the minimum 300 px (rule minHeight)",
        e.violations().get(1).message());
    assertTrue(e.getMessage().startsWith("thumb.png is invalid (2 violations):\n"),
        e.getMessage());
  }

  @Test
  void exactlyThreeHundredPixelsPass() throws IOException {
    ImageInputs.fromFile(write("square.png", image("png", 300, 300)));
  }

  @Test
  void theAspectRatioMustStayWithinOneToTwoAndAHalf() throws IOException {
    ImageInputs.fromFile(write("wide-ok.png", image("png", 750, 300))); // 2.5:1
    ImageInputs.fromFile(write("tall-ok.png", image("png", 300, 750))); // 1:2.5
    Violation wide = only(write("wide.png", image("png", 751, 300)));
    assertEquals("aspectRatio", wide.rule());
    assertEquals("751x300", wide.value());
    assertEquals("wide.png: the aspect ratio of 751x300 px (2.50:1) is outside 1:2.5 to 2.5:1"
        + " (rule aspectRatio)", wide.message());
    Violation narrow = only(write("narrow.jpg", image("jpg", 300, 800)));
    assertEquals("narrow.jpg: the aspect ratio of 300x800 px (1:2.67) is outside 1:2.5 to 2.5:1"
        + " (rule aspectRatio)", narrow.message());
  }

  @Test
  void anEndFrameIsNotHeldToTheAspectRule() throws IOException {
    Path wide = write("end-wide.png", image("png", 900, 300)); // 3:1
    assertEquals(java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(wide)),
        ImageInputs.endFrameFromFile(wide));
    KlingValidationException small = org.junit.jupiter.api.Assertions.assertThrows(
        KlingValidationException.class,
        () -> ImageInputs.endFrameFromFile(write("end-small.png", image("png", 900, 200))));
    assertEquals(java.util.List.of("minHeight"), small.violations().stream()
        .map(Violation::rule).toList());
  }

  @Test
  void aFileOverTenMegabytesIsRefusedWithoutReadingItAll() throws IOException {
    Path file = write("huge.png", image("png", 400, 400));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(ImageInputs.MAX_BYTES + 1); // sparse: the header stays valid
    }
    Violation v = only(file);
    assertEquals("maxFileSize", v.rule());
    assertEquals((ImageInputs.MAX_BYTES + 1) + " bytes", v.value());
    assertEquals("huge.png: the file has 10485761 bytes (10.0 MiB), more than the maximum 10 MB"
        + " (10485760 bytes) (rule maxFileSize)", v.message());
  }

  @Test
  void exactlyTenMegabytesPass() throws IOException {
    Path file = write("big.png", image("png", 400, 400));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(ImageInputs.MAX_BYTES);
    }
    assertEquals(4 * ((ImageInputs.MAX_BYTES + 2) / 3), ImageInputs.fromFile(file).length());
  }

  @Test
  void everyProblemOfOneFileIsReportedTogether() throws IOException {
    Path file = write("bad.jpg", image("jpg", 100, 400));
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(ImageInputs.MAX_BYTES + 1);
    }
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.fromFile(file));
    assertEquals(List.of("maxFileSize 10485761 bytes", "minWidth 100 px", "aspectRatio 100x400"),
        rulesAndValues(e));
  }

  @Test
  void messagesNameTheFileNotItsDirectoryNorItsContent() throws IOException {
    Path file = write("secret-plan.png", "TOP SECRET CONTENT".getBytes(StandardCharsets.UTF_8));
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.fromFile(file));
    assertTrue(e.getMessage().contains("secret-plan.png"), e.getMessage());
    assertFalse(e.getMessage().contains(dir.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("SECRET CONTENT"), e.getMessage());
  }

  @Test
  void theJpegFrameHeaderIsFoundAfterOtherSegmentsAndFillBytes() throws IOException {
    byte[] jpeg = {
        (byte) 0xFF, (byte) 0xD8, // SOI
        (byte) 0xFF, (byte) 0xE1, 0x00, 0x08, 'E', 'x', 'i', 'f', 0x00, 0x00, // APP1
        (byte) 0xFF, (byte) 0xDB, 0x00, 0x04, 0x00, 0x00, // DQT (shortened)
        (byte) 0xFF, (byte) 0xC4, 0x00, 0x04, 0x00, 0x00, // DHT: not a frame header
        (byte) 0xFF, (byte) 0xFF, (byte) 0xC2, 0x00, 0x11, 0x08, // fill byte, SOF2 progressive
        0x02, 0x58, 0x03, 0x20, // height 600, width 800
        0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01,
        (byte) 0xFF, (byte) 0xD9};
    ImageInputs.fromFile(write("progressive.jpg", jpeg));
    jpeg[30] = 0x01; // height 320
    jpeg[31] = 0x40;
    jpeg[32] = 0x01; // width 280
    jpeg[33] = 0x18;
    Violation v = only(write("progressive-narrow.jpg", jpeg));
    assertEquals("minWidth 280 px", v.rule() + " " + v.value());
  }

  @Test
  void aTruncatedHeaderIsReportedAsCorrupt() throws IOException {
    byte[] png = image("png", 400, 400);
    Violation truncatedPng = only(write("cut.png", Arrays.copyOf(png, 12)));
    assertEquals("cut.png: the PNG header is truncated or corrupt: no image size found"
        + " (rule format)", truncatedPng.message());
    byte[] jpegStart = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J'};
    assertEquals("format", only(write("cut.jpg", jpegStart)).rule());
    byte[] noFrame = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xDA, 0x00, 0x02};
    assertEquals("format", only(write("scan-first.jpg", noFrame)).rule());
  }

  @Test
  void aMissingFileIsAnIoError() {
    assertThrows(UncheckedIOException.class,
        () -> ImageInputs.fromFile(dir.resolve("missing.png")));
  }

  @Test
  void bytesInMemoryGetTheSameChecks() throws IOException {
    byte[] png = image("png", 500, 500);
    assertArrayEquals(png, Base64.getDecoder().decode(ImageInputs.fromBytes("upload", png)));
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.fromBytes("upload", image("png", 500, 100)));
    assertEquals(List.of("minHeight 100 px", "aspectRatio 500x100"), rulesAndValues(e));
  }

  // ---------------------------------------------------------------------------------------------
  // fromUrl and checkInline

  @Test
  void httpAndHttpsUrlsPass() {
    String url = "https://h2.inkwai.com/bs2/upload-ylab-stunt/se/3214b798_raw_image_0.jpg";
    assertSame(url, ImageInputs.fromUrl(url));
    assertSame(url, ImageInputs.checkInline(url));
    ImageInputs.fromUrl("http://127.0.0.1:8080/cat.png?x=1");
    ImageInputs.fromUrl("HTTPS://images.example.com/a.png");
  }

  @Test
  void otherUrlsFail() {
    assertUrlProblem("ftp://images.example.com/a.png", "the scheme ftp is not http or https");
    assertUrlProblem("images.example.com/a.png", "it has no scheme");
    assertUrlProblem("https:///a.png", "it has no host");
    assertUrlProblem("https://images.example.com/a cat.png", "it contains white space at index 28");
    assertUrlProblem("", "it is empty");
    assertUrlProblem("https://images.example.com/%zz", "Malformed escape pair");
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.checkInline("ftp://images.example.com/a.png"));
    assertEquals("url", e.violations().get(0).rule());
  }

  @Test
  void aDataUriIsRefusedWithKlingsAnswerExplained() {
    String dataUri = "data:image/png;base64," + "iVBORw0KGgo".repeat(100);
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.checkInline(dataUri));
    Violation v = e.violations().get(0);
    assertEquals("dataPrefix", v.rule());
    assertEquals("$", v.path());
    assertEquals("\"data:image/png;base64,iVBORw0KGgoiVBORw0…\" (" + dataUri.length()
        + " characters)", v.value());
    assertTrue(v.message().contains("(\"data:image/png;base64,\")"), v.message());
    assertTrue(v.message().contains("1201 \"File is not in a valid base64 format\""),
        v.message());
    assertTrue(v.message().length() < 300, v.message());
    assertEquals("dataPrefix", assertThrows(KlingValidationException.class,
        () -> ImageInputs.checkInline("DATA:image/jpeg;base64,/9j/")).violations().get(0).rule());
  }

  @Test
  void validBase64Passes() {
    for (String ok : List.of("iVBORw0KGgo=", "/9j/4AAQ", "YQ==", "YWI=", "YWJj")) {
      assertSame(ok, ImageInputs.checkInline(ok));
    }
  }

  @Test
  void invalidBase64IsRefusedWithTheReason() {
    assertBase64Problem("not base64!", "white space at index 3 is not a Base64 character");
    assertBase64Problem("abc$", "'$' at index 3 is not a Base64 character");
    assertBase64Problem("abcde", "its length 5 is not a multiple of 4");
    assertBase64Problem("YQ==YQ==", "'=' padding at index 2 is not at the end");
    assertBase64Problem("YQ===", "3 '=' padding characters at the end, at most 2 are allowed");
    assertBase64Problem("iVBO\nRw0K", "white space at index 4 is not a Base64 character");
    assertBase64Problem("a-b_", "'-' at index 1 is not a Base64 character");
    assertBase64Problem("", "it is empty");
  }

  // ---------------------------------------------------------------------------------------------

  private static void assertUrlProblem(String url, String reason) {
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.fromUrl(url));
    Violation v = e.violations().get(0);
    assertEquals("url", v.rule());
    assertTrue(v.message().contains(reason), v.message());
    assertTrue(v.message().endsWith("(rule url)"), v.message());
    assertEquals("Image URL", e.subject());
  }

  private static void assertBase64Problem(String value, String reason) {
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.checkInline(value));
    Violation v = e.violations().get(0);
    assertEquals("base64", v.rule());
    assertEquals("$: \"" + value + "\" is neither an http(s) URL nor valid Base64: " + reason
        + " (rule base64)", v.message());
  }

  private static List<String> rulesAndValues(KlingValidationException e) {
    return e.violations().stream().map(v -> v.rule() + " " + v.value())
        .collect(Collectors.toList());
  }

  private static Violation only(Path file) {
    KlingValidationException e = assertThrows(KlingValidationException.class,
        () -> ImageInputs.fromFile(file));
    assertEquals(1, e.violations().size(), e::getMessage);
    assertEquals(file.getFileName().toString(), e.subject());
    return e.violations().get(0);
  }

  private Path write(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  /** A real image written by the JDK's encoder (test only; the library reads headers itself). */
  private static byte[] image(String format, int width, int height) throws IOException {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    img.setRGB(width / 2, height / 2, 0xFF8800);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(img, format, out)) {
      throw new IllegalStateException("no writer for " + format);
    }
    return out.toByteArray();
  }
}
