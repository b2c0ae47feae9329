package io.github.klingjava.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Compares the token from the callback URL with the expected one in constant time. Both sides are
 * hashed first so that neither the content nor the length of the secret leaks through timing.
 */
final class TokenCheck {

  private final byte[] expectedDigest;

  TokenCheck(String expected) {
    if (expected == null || expected.isEmpty()) {
      throw new IllegalArgumentException("the expected token must not be empty");
    }
    this.expectedDigest = digest(expected);
  }

  boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
  }

  private static byte[] digest(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "TokenCheck{***}";
  }
}
