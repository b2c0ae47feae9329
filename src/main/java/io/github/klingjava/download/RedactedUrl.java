package io.github.klingjava.download;

import java.net.URI;

/** A URL fit for messages and logs: scheme, host, port, path; no user info, query or fragment. */
final class RedactedUrl {

  private RedactedUrl() {
  }

  static String of(String url) {
    if (url == null) {
      return "(none)";
    }
    try {
      URI uri = URI.create(url);
      if (uri.getHost() == null) {
        return "(unparsable URL)";
      }
      return uri.getScheme() + "://" + uri.getHost()
          + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + (uri.getRawPath() == null ? "" : uri.getRawPath())
          + (uri.getRawQuery() == null ? "" : "?…");
    } catch (IllegalArgumentException e) {
      return "(unparsable URL)";
    }
  }
}
