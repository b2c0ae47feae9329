package io.github.klingjava.error;

import java.util.regex.Pattern;

/**
 * Makes server-supplied text safe to put in an exception message: one line, bounded, and with
 * anything that looks like a credential masked. Proxies' HTML error pages sometimes echo request
 * headers, and some gateways echo the key they rejected.
 */
final class SafeText {

  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s\"',;<>]+");
  private static final Pattern JWT =
      Pattern.compile("eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*");
  private static final Pattern KEY = Pattern.compile("\\b(sk-|api-key-kling-)[A-Za-z0-9_-]{6,}");
  /** Query values whose names say they carry a secret, e.g. a callback URL's {@code ?token=}. */
  private static final Pattern QUERY_SECRET = Pattern.compile(
      "(?i)([?&][^=&\\s\"']{0,40}?(token|key|secret|sig|signature|password)[^=&\\s\"']{0,40}+=)[^&\\s\"'<>]++");
  private static final int WINDOW_MARGIN = 512;
  private static final Pattern SPACES = Pattern.compile("[\\s\\p{Cntrl}]+");

  private SafeText() {
  }

  /**
   * @param text any text, may be null
   * @param max the longest result, not counting the ellipsis
   * @return the text on one line, masked, cut at {@code max} characters; "" for null
   */
  static String oneLine(String text, int max) {
    if (text == null) {
      return "";
    }
    // Cut before any regex runs, so masking costs are bounded by max, not by the server's text; the
    // window is wider than max so a secret straddling the cut is still seen whole.
    String window = text.length() > max + WINDOW_MARGIN ? text.substring(0, max + WINDOW_MARGIN) : text;
    String flat = SPACES.matcher(redact(window)).replaceAll(" ").strip();
    return flat.length() <= max ? flat : flat.substring(0, max) + "…";
  }

  static String redact(String text) {
    String masked = SecretMask.global().mask(text);
    masked = BEARER.matcher(masked).replaceAll("$1****");
    masked = JWT.matcher(masked).replaceAll("****");
    masked = QUERY_SECRET.matcher(masked).replaceAll("$1****");
    return KEY.matcher(masked).replaceAll("$1****");
  }
}
