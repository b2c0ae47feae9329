package io.github.klingjava.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/** POSTs callback bodies, like the vendor does, but only to this machine. */
final class CallbackSender {

  private static final int TIMEOUT_MILLIS = 5_000;

  private CallbackSender() {
  }

  /**
   * @param url a loopback http URL
   * @param body the bare task JSON
   * @return the receiver's status, or -1 when the POST failed
   * @throws IllegalArgumentException for a URL that does not point at this machine
   */
  static int post(String url, byte[] body) {
    URL target = loopbackUrl(url);
    try {
      HttpURLConnection connection = (HttpURLConnection) target.openConnection();
      connection.setConnectTimeout(TIMEOUT_MILLIS);
      connection.setReadTimeout(TIMEOUT_MILLIS);
      connection.setRequestMethod("POST");
      connection.setDoOutput(true);
      connection.setRequestProperty("Content-Type", "application/json; charset=utf-8");
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      drain(status < 400 ? connection.getInputStream() : connection.getErrorStream());
      return status;
    } catch (IOException e) {
      return -1;
    }
  }

  private static URL loopbackUrl(String url) {
    try {
      URI uri = URI.create(url);
      if (!"http".equals(uri.getScheme()) || !isLoopback(uri.getHost())) {
        throw new IllegalArgumentException("the double only calls back to loopback http URLs");
      }
      return uri.toURL();
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("unusable callback URL (loopback http only)", e);
    }
  }

  /** Literal names only: resolving an arbitrary host name would itself reach the network. */
  private static boolean isLoopback(String host) {
    return host != null && (host.equals("localhost") || host.equals("[::1]") || host.equals("::1")
        || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}"));
  }

  private static void drain(InputStream in) throws IOException {
    if (in != null) {
      try (in) {
        in.readAllBytes();
      }
    }
  }

  static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }
}
