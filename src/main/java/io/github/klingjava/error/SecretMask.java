package io.github.klingjava.error;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The secrets this process knows by value (configured API keys, access and secret keys, callback
 * tokens), masked wherever the library writes text: exception messages, logs, reports. Each secret is
 * also masked percent-encoded (either case of hex digits) and JSON-escaped, so a server or relay
 * echoing it back in any of those forms does not leak it. Shape-based masks (bearer tokens, JWTs,
 * {@code ?token=} query values) run in addition, in {@code SafeText}.
 *
 * <p>Masking is bounded: the text is cut to {@link #MAX_TEXT} characters first, and each known form is
 * searched once from left to right, so the cost is at most linear in the text times the number of
 * forms. At most {@link #MAX_SECRETS} secrets are kept (the oldest are forgotten first); values shorter
 * than {@link #MIN_LENGTH} characters are not registered (they would mask ordinary words).
 *
 * <pre>{@code
 * SecretMask.global().add(System.getenv("KLING_CALLBACK_TOKEN"));
 * String safe = SecretMask.global().mask(serverMessage);
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SecretMask {

  /** Longest text masked; longer text is cut first. */
  public static final int MAX_TEXT = 16 * 1024;
  /** Most secrets remembered. */
  public static final int MAX_SECRETS = 1024;
  /** Shortest secret registered. */
  public static final int MIN_LENGTH = 6;
  /** What a masked secret becomes. */
  public static final String MASK = "****";

  private static final SecretMask GLOBAL = new SecretMask();

  private final Set<String> secrets = new LinkedHashSet<>();
  private volatile String[] forms = new String[0];

  private SecretMask() {
  }

  /** @return the process-wide mask every exception, log line and report of the library goes through */
  public static SecretMask global() {
    return GLOBAL;
  }

  /**
   * Registers a secret by value (idempotent).
   *
   * @param secret the value; null or shorter than {@link #MIN_LENGTH} is ignored
   * @return this mask
   */
  public synchronized SecretMask add(String secret) {
    if (secret == null || secret.length() < MIN_LENGTH || secrets.contains(secret)) {
      return this;
    }
    secrets.add(secret);
    if (secrets.size() > MAX_SECRETS) {
      secrets.remove(secrets.iterator().next());
    }
    Set<String> all = new LinkedHashSet<>();
    for (String s : secrets) {
      all.add(s);
      String encoded = URLEncoder.encode(s, StandardCharsets.UTF_8);
      all.add(encoded);
      all.add(encoded.replace("+", "%20"));
      all.add(lowerHex(encoded));
      all.add(json(s));
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort((a, b) -> b.length() - a.length()); // longest first: a form containing another wins
    forms = sorted.toArray(new String[0]);
    return this;
  }

  /**
   * Registers the secrets a callback URL carries: every query value and the user-info, decoded.
   *
   * @param url a URL as given in {@code callback_url}, may be null
   * @return this mask
   */
  public SecretMask addUrlSecrets(String url) {
    if (url == null) {
      return this;
    }
    int query = url.indexOf('?');
    int scheme = url.indexOf("://");
    int at = url.indexOf('@');
    int pathStart = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (scheme >= 0 && at > scheme && (pathStart < 0 || at < pathStart)) {
      String userInfo = url.substring(scheme + 3, at);
      add(userInfo.substring(userInfo.indexOf(':') + 1));
    }
    if (query >= 0) {
      String q = url.substring(query + 1);
      int hash = q.indexOf('#');
      for (String pair : (hash >= 0 ? q.substring(0, hash) : q).split("&")) {
        int eq = pair.indexOf('=');
        if (eq >= 0) {
          String raw = pair.substring(eq + 1);
          add(raw);
          try {
            add(java.net.URLDecoder.decode(raw, StandardCharsets.UTF_8));
          } catch (IllegalArgumentException malformed) {
            // the raw form is registered
          }
        }
      }
    }
    return this;
  }

  /**
   * @param text any text, may be null
   * @return the text (cut to {@link #MAX_TEXT}) with every known secret form replaced by {@value #MASK};
   *     "" for null
   */
  public String mask(String text) {
    if (text == null) {
      return "";
    }
    String masked = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    for (String form : forms) {
      masked = replaceAll(masked, form);
    }
    return masked;
  }

  /**
   * A log- and message-safe snippet: one line, at most {@code max} characters, known secrets masked by
   * value and credential shapes (bearer tokens, JWTs, {@code ?token=} values) masked too.
   *
   * @param text any text, may be null
   * @param max the longest result, not counting the ellipsis
   * @return the snippet, "" for null
   */
  public String safeSnippet(String text, int max) {
    return SafeText.oneLine(text, max);
  }

  /**
   * Like {@link #mask} without the cut, for values handed to the caller whole (a server message).
   *
   * @param text any text, not null
   * @return the text with every known secret form replaced by {@value #MASK}
   */
  public String maskWhole(String text) {
    String masked = text;
    for (String form : forms) {
      masked = replaceAll(masked, form);
    }
    return masked;
  }

  /**
   * @param text any text
   * @return true when a known secret, in any of its forms, occurs in the (uncut) text
   */
  public boolean containsSecret(String text) {
    if (text == null) {
      return false;
    }
    for (String form : forms) {
      if (text.contains(form)) {
        return true;
      }
    }
    return false;
  }

  private static String replaceAll(String text, String form) {
    int at = text.indexOf(form);
    if (at < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    while (at >= 0) {
      out.append(text, from, at).append(MASK);
      from = at + form.length();
      at = text.indexOf(form, from);
    }
    return out.append(text, from, text.length()).toString();
  }

  private static String lowerHex(String encoded) {
    StringBuilder out = new StringBuilder(encoded.length());
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      boolean hex = i > 0 && encoded.charAt(i - 1) == '%' || i > 1 && encoded.charAt(i - 2) == '%';
      out.append(hex ? Character.toLowerCase(c) : c);
    }
    return out.toString();
  }

  private static String json(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c == '/') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return "SecretMask{" + secrets.size() + " secrets}";
  }
}
