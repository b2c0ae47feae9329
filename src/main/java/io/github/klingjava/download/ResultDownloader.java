package io.github.klingjava.download;

import io.github.klingjava.generated.model.Task;
import io.github.klingjava.task.TaskStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * Saves the images, videos and audios (with their watermarked copies) of a succeeded task before their
 * URLs expire (Kling clears generated files after 30 days).
 *
 * <pre>{@code
 * ResultDownloader downloader = ResultDownloader.builder(new OkHttpClient()).build();
 * List<Path> files = downloader.download(task, Path.of("out"));
 * // out/867283741759111202-0.png, out/867283741759111202-1.png
 * }</pre>
 *
 * <p>Names come from the task id and the image index (or video id), never from the URL, and
 * contain only {@code [A-Za-z0-9_-]} and one dot, so no server can write outside the directory.
 * The extension follows the Content-Type. Each file streams into a temp file next to its target
 * and is moved into place atomically; a file larger than the cap (announced or actual) or of a
 * type not accepted is refused and leaves nothing behind. Files saved before a failure stay.
 *
 * <p>Give it a plain OkHttpClient, not the one carrying your Kling credentials: result URLs are on
 * a CDN and must not receive the API key.
 *
 * <p>Result URLs come from the vendor's answer, so by default only http(s) URLs on public addresses
 * are fetched: every hop (redirects are followed here, at most 5) is checked on its resolved
 * addresses before any connection, see {@link AddressPolicy}.
 */
public final class ResultDownloader {

  /** The size cap unless configured otherwise: 512 MiB. */
  public static final long DEFAULT_MAX_BYTES = 512L * 1024 * 1024;

  private final FileFetcher fetcher;
  private final List<String> imageTypes;
  private final List<String> videoTypes;
  private final List<String> audioTypes;
  private final List<String> anyTypes;

  private ResultDownloader(Builder builder) {
    this.fetcher = new FileFetcher(builder.http, builder.maxBytes, builder.progress, builder.policy,
        builder.dns);
    this.imageTypes = builder.imageTypes;
    this.videoTypes = builder.videoTypes;
    this.audioTypes = builder.audioTypes;
    List<String> any = new ArrayList<>(imageTypes);
    any.addAll(videoTypes);
    any.addAll(audioTypes);
    this.anyTypes = List.copyOf(any);
  }

  /**
   * @param http the client to download with (timeouts, proxy); without Kling credentials
   * @return a builder
   */
  public static Builder builder(OkHttpClient http) {
    return new Builder(http);
  }

  /**
   * Downloads every file of the task's result, in result order: images, videos and audios (mp3, wav),
   * each with its watermarked copy when the answer has one ({@code watermark_url}), and the files of result
   * arrays the spec does not name yet (see {@code ResultFiles} for the names).
   *
   * <pre>{@code
   * List<Path> files = client.downloader().download(client.newStandard().waitFor(id, options), dir);
   * }</pre>
   *
   * @param task a task of either standard that succeeded
   * @param directory created if missing
   * @return the saved files, by result array (alphabetical: audios, images, videos, ...), then item
   * @throws IllegalArgumentException when the task has not succeeded
   * @throws DownloadException when a file is refused or cannot be fetched
   */
  public List<Path> download(io.github.klingjava.task.TaskView task, Path directory) {
    return download(Objects.requireNonNull(task, "task").legacyTask(), directory);
  }

  /**
   * Downloads every file of the task's result, as {@link #download(io.github.klingjava.task.TaskView, Path)}.
   *
   * @param task a task whose status is {@code succeed} (a new-standard item read by
   *     {@link io.github.klingjava.task.NewStandardTasks#toLegacy}, whose outputs fill {@code task_result})
   * @param directory created if missing
   * @return the saved files, by result array (alphabetical: audios, images, videos, ...), then item
   * @throws IllegalArgumentException when the task has not succeeded
   * @throws DownloadException when a file is refused or cannot be fetched
   */
  public List<Path> download(Task task, Path directory) {
    Objects.requireNonNull(task, "task");
    if (!TaskStatus.SUCCEED.equals(TaskStatus.ofTask(task))) {
      throw new IllegalArgumentException("Task " + task.getTaskId() + " has status "
          + TaskStatus.ofTask(task) + "; only a succeeded task has results");
    }
    Path dir = prepare(directory);
    Set<String> used = new HashSet<>();
    List<Path> saved = new ArrayList<>();
    // video-facade (#10): every array and URL property of task_result (ResultFiles), not only images/videos
    for (ResultFiles.ResultFile file : ResultFiles.of(task)) {
      saved.add(fetcher.fetch(file.url(), accepted(file.kind()), dir, unique(file.baseName(), used)));
    }
    return saved;
  }

  private List<String> accepted(ResultFiles.Kind kind) {
    switch (kind) {
      case IMAGE:
        return imageTypes;
      case VIDEO:
        return videoTypes;
      case AUDIO:
        return audioTypes;
      default:
        return anyTypes;
    }
  }

  private static String unique(String name, Set<String> used) {
    String candidate = name;
    for (int n = 2; !used.add(candidate); n++) {
      candidate = name + "_" + n;
    }
    return candidate;
  }

  private static Path prepare(Path directory) {
    Objects.requireNonNull(directory, "directory");
    try {
      Path dir = Files.createDirectories(directory.toAbsolutePath().normalize());
      return dir.toRealPath();
    } catch (IOException e) {
      throw new DownloadException(DownloadException.Reason.IO,
          "Cannot use directory " + directory + ": " + e.getMessage(), e);
    }
  }

  /** Builds a {@link ResultDownloader}. */
  public static final class Builder {
    private final OkHttpClient http;
    private long maxBytes = DEFAULT_MAX_BYTES;
    private List<String> imageTypes = List.of("image/*");
    private List<String> videoTypes = List.of("video/*");
    private List<String> audioTypes = List.of("audio/*");
    private DownloadProgressListener progress;
    private AddressPolicy policy = AddressPolicy.publicOnly();
    private okhttp3.Dns dns;

    private Builder(OkHttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
    }

    /**
     * @param bytes the largest file accepted, more than zero
     * @return this builder
     */
    public Builder maxBytes(long bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("maxBytes must be positive: " + bytes);
      }
      this.maxBytes = bytes;
      return this;
    }

    /**
     * @param patterns content types accepted for images, e.g. {@code image/*} (the default) or
     *     {@code application/octet-stream} for a CDN that does not label its files
     * @return this builder
     */
    public Builder imageTypes(String... patterns) {
      this.imageTypes = patterns(patterns);
      return this;
    }

    /**
     * @param patterns content types accepted for videos, {@code video/*} by default
     * @return this builder
     */
    public Builder videoTypes(String... patterns) {
      this.videoTypes = patterns(patterns);
      return this;
    }

    /**
     * @param patterns content types accepted for audios (TTS, text-to-audio, video-to-audio: mp3 and wav),
     *     {@code audio/*} by default
     * @return this builder
     */
    public Builder audioTypes(String... patterns) {
      this.audioTypes = patterns(patterns);
      return this;
    }

    /**
     * @param listener told of the bytes written after each chunk; null for none
     * @return this builder
     */
    public Builder progress(DownloadProgressListener listener) {
      this.progress = listener;
      return this;
    }

    /**
     * @param addresses which addresses downloads may reach (default {@link AddressPolicy#publicOnly()})
     * @return this builder
     */
    public Builder addressPolicy(AddressPolicy addresses) {
      this.policy = Objects.requireNonNull(addresses, "addressPolicy");
      return this;
    }

    /**
     * @param resolver the DNS the address check runs on (default: the OkHttp client's own)
     * @return this builder
     */
    public Builder dns(okhttp3.Dns resolver) {
      this.dns = Objects.requireNonNull(resolver, "dns");
      return this;
    }

    /** @return the downloader */
    public ResultDownloader build() {
      return new ResultDownloader(this);
    }

    private static List<String> patterns(String... patterns) {
      if (patterns.length == 0) {
        throw new IllegalArgumentException("at least one content-type pattern is needed");
      }
      return List.of(patterns);
    }
  }
}
