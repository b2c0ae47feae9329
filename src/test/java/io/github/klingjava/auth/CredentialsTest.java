package io.github.klingjava.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

  private static final String LONG_KEY = "fake-test-key-0123456789WXYZ";
  private static final String ACCESS_KEY = "AK0123456789abcdefghij";
  private static final String SECRET_KEY = "SK-very-secret-0123456789";

  @Test
  void apiKeyToStringShowsOnlyTheLastFourCharacters() {
    assertEquals("apiKey(****)", Credentials.apiKey(LONG_KEY).toString());
  }

  @Test
  void shortKeysAreMaskedCompletely() {
    assertEquals("apiKey(****)", Credentials.apiKey("short-key").toString());
  }

  @Test
  void accessKeyToStringNeverShowsTheSecret() {
    String text = Credentials.accessKey(ACCESS_KEY, SECRET_KEY).toString();

    assertEquals("accessKey(****ghij, secretKey=****)", text);
    assertFalse(text.contains("secret-0123"));
  }

  @Test
  void tellsWhetherRequestsCarryAJwt() {
    assertFalse(Credentials.apiKey(LONG_KEY).usesJwt());
    assertTrue(Credentials.accessKey(ACCESS_KEY, SECRET_KEY).usesJwt());
  }

  @Test
  void surroundingWhitespaceIsDropped() {
    assertEquals(LONG_KEY, Credentials.apiKey("  " + LONG_KEY + "\n").tokenSource(Clock.systemUTC()).get());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t\n"})
  void blankValuesAreRejectedByName(String blank) {
    assertEquals("apiKey must not be null or blank",
        assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey(blank)).getMessage());
    assertEquals("accessKey must not be null or blank",
        assertThrows(IllegalArgumentException.class, () -> Credentials.accessKey(blank, SECRET_KEY)).getMessage());
    assertEquals("secretKey must not be null or blank",
        assertThrows(IllegalArgumentException.class, () -> Credentials.accessKey(ACCESS_KEY, blank)).getMessage());
  }

  @Test
  void malformedValuesAreRejectedWithoutEchoingThem() {
    String withNewline = "sk-abc\nSECRETPART";
    String withBearer = "Bearer sk-SECRETPART";
    String nonAscii = "sk-SECRETPARTé";

    for (String bad : new String[] {withNewline, withBearer, nonAscii}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Credentials.apiKey(bad));
      assertTrue(e.getMessage().startsWith("apiKey must "), e.getMessage());
      assertFalse(e.getMessage().contains("SECRETPART"), e.getMessage());
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Credentials.accessKey(ACCESS_KEY, "has space SECRETPART"));
    assertTrue(e.getMessage().startsWith("secretKey must "), e.getMessage());
    assertFalse(e.getMessage().contains("SECRETPART"), e.getMessage());
  }
}
