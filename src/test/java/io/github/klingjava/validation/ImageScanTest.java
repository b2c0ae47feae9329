package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The ImageInput scan means exactly what the spec's pattern means (ECMAScript semantics). */
class ImageScanTest {
  private static final Pattern REGEX = Pattern.compile(SchemaValidator.javaRegex(CompiledPlan.IMAGE_INPUT_PATTERN));

  @Test
  void agreesWithTheSpecPattern() {
    List<String> cases = List.of("", "A", "AAAA", "AAA=", "AA==", "A===", "=", "==", "AA=A", "+/09az",
        "http://", "https://", "http://x", "https://x.y/a.png", "https://x/\n", "http://a b", "http://a\u00a0b",
        "http://a\u2028", "ftp://x", "HTTP://x", "data:image/png;base64,AAAA", "DaTa:AAAA", "dataAAAA",
        "https://x/data:", "AAAA\n", " AAAA", "AA AA", "é", "AAAA\u0000", "https:/x", "httpx://y",
        "https://\ufeff", "AAAA" + "=".repeat(3));
    for (String s : cases) {
      assertEquals(REGEX.matcher(s).find(), ImageScan.matches(s), () -> "for \"" + s + "\"");
    }
  }

  @Test
  void theSpecStillUsesThatPattern() {
    assertEquals(CompiledPlan.IMAGE_INPUT_PATTERN, SchemaValidator.embedded().schema("ImageInput").get("pattern"),
        "the ImageInput pattern changed: update ImageScan or it falls back to the regex");
  }
}
