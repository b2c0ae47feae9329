package io.github.klingjava.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretMaskTest {

  private static final String KEY = "mask/Test+key=Odd~shape-1";

  @Test
  void masksTheValueRawPercentEncodedInEitherCaseAndJsonEscaped() {
    SecretMask mask = SecretMask.global().add(KEY);
    String encoded = URLEncoder.encode(KEY, StandardCharsets.UTF_8);
    String text = "raw " + KEY + " enc " + encoded + " lower " + java.util.regex.Pattern.compile("%[0-9A-F]{2}").matcher(encoded)
        .replaceAll(m -> m.group().toLowerCase())
        + " json " + KEY.replace("/", "\\/");
    String masked = mask.mask(text);
    assertFalse(masked.contains(KEY) || masked.contains(encoded) || masked.contains(KEY.replace("/", "\\/")),
        masked);
    assertEquals(4, masked.split("\\*\\*\\*\\*", -1).length - 1, masked);
  }

  @Test
  void callbackUrlsRegisterTheirQueryValues() {
    SecretMask.global().addUrlSecrets("https://hooks.example.com/k?token=tok%2Fen-value-77&x=1");
    assertEquals("see ****", SecretMask.global().mask("see tok/en-value-77"));
    assertEquals("see ****", SecretMask.global().mask("see tok%2Fen-value-77"));
  }

  @Test
  void shortValuesAreNotRegisteredAndNullIsEmpty() {
    SecretMask.global().add("abc");
    assertEquals("abc", SecretMask.global().mask("abc"));
    assertEquals("", SecretMask.global().mask(null));
  }

  @Test
  void messagesAreCutBeforeMaskingSoTheCostIsBounded() {
    SecretMask.global().add(KEY);
    String huge = "a".repeat(5_000_000) + KEY;
    assertTrue(SecretMask.global().mask(huge).length() <= SecretMask.MAX_TEXT);
    String snippet = SecretMask.global().safeSnippet("?token=" + "b".repeat(3_000_000), 100);
    assertTrue(snippet.length() <= 101, snippet.length() + "");
    assertFalse(SafeText.oneLine("x".repeat(1_000_000) + KEY, 200).contains(KEY));
  }

  @Test
  void aSecretStraddlingTheCutIsStillMasked() {
    SecretMask.global().add(KEY);
    String text = "m".repeat(195) + KEY + " tail";
    String line = SafeText.oneLine(text, 200);
    assertFalse(line.contains(KEY.substring(0, 5)), line);
  }
}
