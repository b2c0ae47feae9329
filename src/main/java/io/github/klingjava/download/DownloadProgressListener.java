package io.github.klingjava.download;

/**
 * Told how far a download has come, after every chunk written. Called on the downloading thread;
 * keep it quick.
 *
 * <pre>{@code
 * ResultDownloader.builder(http)
 *     .progress((file, done, total) -> System.out.printf("%s %d/%d%n", file, done, total))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface DownloadProgressListener {

  /**
   * @param fileName the name the file will have in the target directory
   * @param bytesSoFar bytes written so far
   * @param totalBytes the announced length, or -1 when the server did not announce one
   */
  void onProgress(String fileName, long bytesSoFar, long totalBytes);
}
