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

  private final OkHttpClient http;
  private final long maxBytes;
  private final DownloadProgressListener progress;

  FileFetcher(OkHttpClient http, long maxBytes, DownloadProgressListener progress) {
    this.http = http;
    this.maxBytes = maxBytes;
    this.progress = progress;
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
    Request request = new Request.Builder().url(parsed).get().build();
    try (Response response = http.newCall(request).execute()) {
      return save(response, url, accepted, directory, baseName);
    } catch (IOException e) {
      throw new DownloadException(Reason.IO, "Download of " + RedactedUrl.of(url) + " failed: "
          + e.getClass().getSimpleName(), e);
    }
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
