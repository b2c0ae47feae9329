package io.github.klingjava.callback;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies Kling's signed callbacks (Standard Webhooks, since 2026-08-07): the HMAC-SHA256 of
 * {@code webhook-id + "." + webhook-timestamp + "." + raw body}, keyed with the Base64-decoded part
 * of a {@code whsec_} secret, Base64-encoded and sent as {@code v1,<signature>}; during a rotation
 * several space-separated signatures, and the receiver may hold the old and the new secret. The
 * timestamp (Unix seconds) must be within the tolerance of the injected clock, which bounds
 * replays; the receiver also de-duplicates by {@code webhook-id}.
 *
 * <p>Why not {@code com.standardwebhooks:standardwebhooks:1.1.0}: it has no dependencies, but its
 * {@code verify} reads the system clock with a fixed 5-minute tolerance (no clock can be injected,
 * so the replay window cannot be tested or tuned) and takes the body as a {@code String} (the
 * signature covers raw bytes; re-decoding can change them). The HMAC itself is a few lines of JDK
 * code; the comparison is constant-time ({@link MessageDigest#isEqual}).
 */
final class SignatureCheck {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";
  private static final String PREFIX = "whsec_";

  private final List<byte[]> keys;
  private final Clock clock;
  private final Duration tolerance;

  SignatureCheck(List<String> secrets, Clock clock, Duration tolerance) {
    if (secrets.isEmpty()) {
      throw new IllegalArgumentException("at least one webhook secret is required");
    }
    List<byte[]> decoded = new ArrayList<>();
    for (String secret : secrets) {
      decoded.add(decode(secret));
    }
    this.keys = List.copyOf(decoded);
    this.clock = clock;
    this.tolerance = tolerance;
  }

  /** The key bytes of a {@code whsec_<base64>} secret; never echoes the secret. */
  private static byte[] decode(String secret) {
    if (secret == null || secret.isBlank()) {
      throw new IllegalArgumentException("webhook secret must not be empty");
    }
    String b64 = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
    try {
      byte[] key = Base64.getDecoder().decode(b64.trim());
      if (key.length == 0) {
        throw new IllegalArgumentException("webhook secret has an empty key");
      }
      return key;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("webhook secret is not whsec_ followed by Base64");
    }
  }

  /**
   * @param headers the request headers (names in any case)
   * @param body the raw body bytes as received
   * @return null when a signature matches, else the reason to refuse (safe to show)
   */
  String refusal(Map<String, List<String>> headers, byte[] body) {
    String id = CallbackBodyParser.header(headers, ID);
    String timestamp = CallbackBodyParser.header(headers, TIMESTAMP);
    String signatures = allValues(headers, SIGNATURE);
    if (id == null || timestamp == null || signatures.isBlank()) {
      return "missing webhook signature headers";
    }
    long seconds;
    try {
      seconds = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return "malformed webhook-timestamp";
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - seconds) > tolerance.toSeconds()) {
      return "webhook-timestamp outside the tolerance window";
    }
    byte[] signed = concat((id + "." + timestamp.trim() + ".").getBytes(StandardCharsets.UTF_8),
        body == null ? new byte[0] : body);
    for (byte[] key : keys) {
      byte[] expected = hmac(key, signed);
      for (String entry : signatures.trim().split("\\s+")) {
        int comma = entry.indexOf(',');
        if (comma < 0 || !"v1".equals(entry.substring(0, comma))) {
          continue;
        }
        byte[] given;
        try {
          given = Base64.getDecoder().decode(entry.substring(comma + 1));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return null;
        }
      }
    }
    return "no webhook signature matches";
  }

  private static String allValues(Map<String, List<String>> headers, String name) {
    StringBuilder all = new StringBuilder();
    if (headers != null) {
      for (Map.Entry<String, List<String>> e : headers.entrySet()) {
        if (name.equalsIgnoreCase(e.getKey()) && e.getValue() != null) {
          for (String v : e.getValue()) {
            all.append(' ').append(v == null ? "" : v);
          }
        }
      }
    }
    return all.toString();
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
