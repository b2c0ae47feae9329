package io.github.klingjava.download;

import io.github.klingjava.download.DownloadException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Saves one URL into a directory: checks status, type and announced size, streams into a temp
 * file in the same directory with a byte cap, then moves it into place atomically. A failed or
 * refused download leaves nothing behind.
 */
final class FileFetcher {

  private static final int CHUNK = 64 * 1024;
  private static final int MAX_HOPS = 5;

  private final OkHttpClient http;
  private final long maxBytes;
  private final DownloadProgressListener progress;
  private final AddressPolicy policy;

  FileFetcher(OkHttpClient http, long maxBytes, DownloadProgressListener progress, AddressPolicy policy,
      okhttp3.Dns dns) {
    // Redirects are followed here, hop by hop, so every hop's address is checked before connecting.
    this.http = http.newBuilder().dns(new SafeDns(dns == null ? http.dns() : dns, policy))
        .followRedirects(false).followSslRedirects(false).build();
    this.maxBytes = maxBytes;
    this.progress = progress;
    this.policy = policy;
  }

  /**
   * @param url where the file is
   * @param accepted content-type patterns for this kind of result
   * @param directory absolute, normalised, existing
   * @param baseName a safe name without extension
   * @return the saved file
   */
  Path fetch(String url, List<String> accepted, Path directory, String baseName) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url);
    if (parsed == null) {
      throw new DownloadException(Reason.BAD_URL, "Not an http(s) URL: " + RedactedUrl.of(url));
    }
    HttpUrl hop = parsed;
    for (int hops = 0; ; hops++) {
      checkLiteral(hop, url);
      Request request = new Request.Builder().url(hop).get().build();
      try (Response response = http.newCall(request).execute()) {
        HttpUrl next = response.isRedirect() ? redirectTarget(response, url) : null;
        if (next == null) {
          return save(response, url, accepted, directory, baseName);
        }
        if (hops + 1 >= MAX_HOPS) {
          throw new DownloadException(Reason.BAD_URL, "More than " + MAX_HOPS + " redirects for "
              + RedactedUrl.of(url));
        }
        hop = next;
      } catch (ForbiddenAddressException e) {
        throw new DownloadException(Reason.FORBIDDEN_ADDRESS, "Refused to download "
            + RedactedUrl.of(url) + ": " + e.getMessage(), e);
      } catch (IOException e) {
        throw new DownloadException(Reason.IO, "Download of " + RedactedUrl.of(url) + " failed: "
            + e.getClass().getSimpleName(), e);
      }
    }
  }

  /** An IP literal is never looked up in DNS, so the filter would not see it: checked here. */
  private void checkLiteral(HttpUrl hop, String url) {
    if (!AddressPolicy.isLiteral(hop.host())) {
      return;
    }
    try {
      java.net.InetAddress address = java.net.InetAddress.getByName(hop.host());
      String range = policy.refusal(hop.host(), address);
      if (range != null) {
        throw new DownloadException(Reason.FORBIDDEN_ADDRESS, "Refused to download " + RedactedUrl.of(url)
            + ": " + address.getHostAddress() + " is " + range + ", which downloads may not reach");
      }
    } catch (java.net.UnknownHostException e) {
      throw new DownloadException(Reason.BAD_URL, "Not an address: " + RedactedUrl.of(url), e);
    }
  }

  private static HttpUrl redirectTarget(Response response, String url) {
    String location = response.header("Location");
    HttpUrl next = location == null ? null : response.request().url().resolve(location);
    if (next == null) {
      throw new DownloadException(Reason.BAD_URL, "Redirect to a non-http(s) location from "
          + RedactedUrl.of(url));
    }
    return next;
  }

  private Path save(Response response, String url, List<String> accepted, Path directory,
      String baseName) throws IOException {
    if (!response.isSuccessful()) {
      throw new DownloadException(Reason.HTTP_STATUS,
          "HTTP " + response.code() + " for " + RedactedUrl.of(url));
    }
    ResponseBody body = response.body();
    String type = ContentTypes.essence(response.header("Content-Type"));
    if (!ContentTypes.matches(type, accepted)) {
      throw new DownloadException(Reason.WRONG_CONTENT_TYPE, "Content-Type " + type
          + " is not one of " + accepted + " for " + RedactedUrl.of(url));
    }
    long announced = body.contentLength();
    if (announced > maxBytes) {
      throw new DownloadException(Reason.TOO_LARGE, RedactedUrl.of(url) + " announces "
          + announced + " bytes, more than the cap of " + maxBytes);
    }
    Path target = SafeFileNames.resolve(directory, baseName + "." + ContentTypes.extension(type));
    Path temp = Files.createTempFile(directory, ".kling-", ".part");
    try {
      try (InputStream in = body.byteStream(); OutputStream out = Files.newOutputStream(temp)) {
        copy(in, out, target.getFileName().toString(), announced, url);
      }
      moveIntoPlace(temp, target);
      return target;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private void copy(InputStream in, OutputStream out, String fileName, long total, String url)
      throws IOException {
    byte[] chunk = new byte[CHUNK];
    long written = 0;
    for (int n; (n = in.read(chunk)) != -1; ) {
      written += n;
      if (written > maxBytes) {
        throw new DownloadException(Reason.TOO_LARGE, RedactedUrl.of(url)
            + " sent more than the cap of " + maxBytes + " bytes");
      }
      out.write(chunk, 0, n);
      if (progress != null) {
        progress.onProgress(fileName, written, total);
      }
    }
  }

  private static void moveIntoPlace(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
