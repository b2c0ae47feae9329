package io.github.klingjava.vendor;

/** Which credentials a vendor accepts. */
public enum AuthKind {
  /** A static key sent as {@code Authorization: Bearer <key>} (aggregators). */
  API_KEY,
  /** A Kling API key, or a Kling access key + secret key turned into a short-lived HS256 JWT. */
  API_KEY_OR_ACCESS_KEY
}
