package io.github.klingjava.callback;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the query parameters of a request URL given in any of the forms frameworks offer. */
final class QueryParameters {

  private QueryParameters() {
  }

  /**
   * @param url a full URL ({@code https://host/cb?token=x}), a path with query
   *     ({@code /cb?token=x}), a bare query ({@code token=x} or {@code ?token=x}), or null
   * @return the decoded parameters; pairs that cannot be decoded are skipped
   */
  static Map<String, List<String>> parse(String url) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    String query = queryPart(url);
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        String decodedName = decode(name);
        String decodedValue = decode(value);
        params.computeIfAbsent(decodedName, k -> new ArrayList<>()).add(decodedValue);
      } catch (IllegalArgumentException malformedEscape) {
        // A broken pair proves nothing; a required token is then simply missing.
      }
    }
    return params;
  }

  private static String queryPart(String url) {
    if (url == null) {
      return null;
    }
    String text = url;
    int hash = text.indexOf('#');
    if (hash >= 0) {
      text = text.substring(0, hash);
    }
    int question = text.indexOf('?');
    if (question >= 0) {
      return text.substring(question + 1);
    }
    // No '?': a bare query has a '=' and no path or scheme.
    return text.contains("=") && !text.contains("/") ? text : null;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
