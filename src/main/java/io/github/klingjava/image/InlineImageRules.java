package io.github.klingjava.image;

import io.github.klingjava.validation.Violation;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * What is wrong with a string meant for an image field (an http(s) URL, or raw Base64), worded for
 * the violations {@link ImageInputs#checkInline} and {@link ImageInputs#fromUrl} throw; null answers
 * mean "nothing".
 */
final class InlineImageRules {

  private InlineImageRules() {
  }

  /** Null when {@code url} is an absolute http(s) URL with a host and no white space, else what is wrong. */
  static String urlProblem(String url) {
    if (url.isEmpty()) {
      return "it is empty";
    }
    for (int i = 0; i < url.length(); i++) {
      if (Character.isWhitespace(url.charAt(i))) {
        return "it contains white space at index " + i;
      }
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return e.getReason() + " at index " + e.getIndex();
    }
    String scheme = uri.getScheme();
    if (scheme == null) {
      return "it has no scheme; use http:// or https://";
    }
    if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
      return "the scheme " + scheme + " is not http or https";
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      return "it has no host";
    }
    return null;
  }

  /** Null when {@code s} is strict standard Base64, else what is wrong. */
  static String base64Problem(String s) {
    if (s.isEmpty()) {
      return "it is empty";
    }
    int padding = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean alphabet = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
          || c == '+' || c == '/';
      if (c == '=') {
        padding++;
      } else if (!alphabet || padding > 0) {
        String shown = Character.isWhitespace(c) ? "white space"
            : c == '=' ? "'='" : "'" + c + "'";
        return padding > 0 && alphabet ? "'=' padding at index " + (i - padding)
            + " is not at the end" : shown + " at index " + i + " is not a Base64 character";
      }
    }
    if (padding > 2) {
      return padding + " '=' padding characters at the end, at most 2 are allowed";
    }
    if (s.length() % 4 != 0) {
      return "its length " + s.length() + " is not a multiple of 4";
    }
    return null;
  }

  /** Quoted and cut to 40 characters, as in {@link Violation#value()}. */
  static String quote(String s) {
    int length = s.codePointCount(0, s.length());
    if (length <= 40) {
      return '"' + s + '"';
    }
    return '"' + s.substring(0, s.offsetByCodePoints(0, 40)) + "…\" (" + length + " characters)";
  }
}
