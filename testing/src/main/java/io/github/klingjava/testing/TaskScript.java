package io.github.klingjava.testing;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one task of a {@link LifecycleDouble} behaves, from submit to result.
 *
 * <pre>{@code
 * TaskScript script = TaskScript.builder()
 *     .pollsBeforeOutcome(3)                         // processing, processing, processing, succeed
 *     .rateLimitAt(2, Duration.ofSeconds(1))         // the 2nd GET answers 429, Retry-After: 1
 *     .serverErrorAt(3, 503)
 *     .images(2)
 *     .build();
 * }</pre>
 *
 * <p>Polls are counted per task: "GET number k" counts every query of the task, error answers
 * included; the status only advances on answered queries. Immutable.
 */
public final class TaskScript {

  private final String taskId;
  private final int pollsBeforeOutcome;
  private final Duration readyAfter;
  private final String failureMessage;
  private final int results;
  private final Map<Integer, String> statusAt;
  private final Map<Integer, Duration> rateLimitAt;
  private final Map<Integer, Integer> serverErrorAt;
  private final String fileName;
  private final long fileSize;
  private final boolean announceLength;
  private final String contentType;
  private final String callbackUrl;

  private TaskScript(Builder b) {
    this.taskId = b.taskId;
    this.pollsBeforeOutcome = b.pollsBeforeOutcome;
    this.readyAfter = b.readyAfter;
    this.failureMessage = b.failureMessage;
    this.results = b.results;
    this.statusAt = Map.copyOf(b.statusAt);
    this.rateLimitAt = Map.copyOf(b.rateLimitAt);
    this.serverErrorAt = Map.copyOf(b.serverErrorAt);
    this.fileName = b.fileName;
    this.fileSize = b.fileSize;
    this.announceLength = b.announceLength;
    this.contentType = b.contentType;
    this.callbackUrl = b.callbackUrl;
  }

  /** @return a builder: 2 processing polls, then success with one result of 1 KiB */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the default script */
  public static TaskScript defaults() {
    return builder().build();
  }

  String taskId() {
    return taskId;
  }

  int pollsBeforeOutcome() {
    return pollsBeforeOutcome;
  }

  Duration readyAfter() {
    return readyAfter;
  }

  boolean fails() {
    return failureMessage != null;
  }

  String failureMessage() {
    return failureMessage;
  }

  int results() {
    return results;
  }

  String statusAt(int answeredPoll) {
    return statusAt.get(answeredPoll);
  }

  Duration rateLimitAt(int get) {
    return rateLimitAt.get(get);
  }

  Integer serverErrorAt(int get) {
    return serverErrorAt.get(get);
  }

  String fileName() {
    return fileName;
  }

  long fileSize() {
    return fileSize;
  }

  boolean announceLength() {
    return announceLength;
  }

  String contentType() {
    return contentType;
  }

  String callbackUrl() {
    return callbackUrl;
  }

  /** Builds a {@link TaskScript}. */
  public static final class Builder {
    private String taskId;
    private int pollsBeforeOutcome = 2;
    private Duration readyAfter;
    private String failureMessage;
    private int results = 1;
    private final Map<Integer, String> statusAt = new HashMap<>();
    private final Map<Integer, Duration> rateLimitAt = new HashMap<>();
    private final Map<Integer, Integer> serverErrorAt = new HashMap<>();
    private String fileName = "result";
    private long fileSize = 1024;
    private boolean announceLength = true;
    private String contentType;
    private String callbackUrl;

    private Builder() {
    }

    /**
     * @param id a fixed task id instead of a generated one (e.g. a hostile one)
     * @return this
     */
    public Builder taskId(String id) {
      this.taskId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * @param polls answered polls that say {@code processing} before the outcome
     * @return this
     */
    public Builder pollsBeforeOutcome(int polls) {
      if (polls < 0) {
        throw new IllegalArgumentException("polls must not be negative");
      }
      this.pollsBeforeOutcome = polls;
      this.readyAfter = null;
      return this;
    }

    /**
     * @param time the task reaches its outcome this long after submit, on the double's clock,
     *     however often it is polled (and a callback, if any, is sent then)
     * @return this
     */
    public Builder readyAfter(Duration time) {
      this.readyAfter = Objects.requireNonNull(time, "time");
      return this;
    }

    /**
     * @param count images or videos in the result (1 by default, at most 9)
     * @return this
     */
    public Builder results(int count) {
      if (count < 0 || count > 9) {
        throw new IllegalArgumentException("Kling returns 0 to 9 results: " + count);
      }
      this.results = count;
      return this;
    }

    /**
     * @param message end in {@code failed} with this {@code task_status_msg}
     * @return this
     */
    public Builder fail(String message) {
      this.failureMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * @param answeredPoll 1-based
     * @param status said instead of processing, e.g. an unknown one
     * @return this
     */
    public Builder statusAt(int answeredPoll, String status) {
      statusAt.put(answeredPoll, Objects.requireNonNull(status, "status"));
      return this;
    }

    /**
     * @param get 1-based GET number answering 429 (code 1302)
     * @param retryAfter header value, whole seconds
     * @return this
     */
    public Builder rateLimitAt(int get, Duration retryAfter) {
      rateLimitAt.put(get, Objects.requireNonNull(retryAfter, "retryAfter"));
      return this;
    }

    /**
     * @param get 1-based GET number answering a server error
     * @param status 500, 503 or 504
     * @return this
     */
    public Builder serverErrorAt(int get, int status) {
      if (status < 500 || status > 599) {
        throw new IllegalArgumentException("not a server error: " + status);
      }
      serverErrorAt.put(get, status);
      return this;
    }

    /**
     * @param name the last segment of result URLs, taken as given: {@code ../../etc/passwd},
     *     percent-escapes and all (the double ignores it when serving)
     * @return this
     */
    public Builder fileName(String name) {
      this.fileName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * @param bytes the size of each result file
     * @return this
     */
    public Builder fileSize(long bytes) {
      if (bytes < 0) {
        throw new IllegalArgumentException("bytes must not be negative");
      }
      this.fileSize = bytes;
      return this;
    }

    /**
     * @param announce false to stream files without Content-Length
     * @return this
     */
    public Builder announceLength(boolean announce) {
      this.announceLength = announce;
      return this;
    }

    /**
     * @param type the Content-Type of result files, default image/png or video/mp4
     * @return this
     */
    public Builder contentType(String type) {
      this.contentType = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * @param url where to POST callbacks, overriding the submit's callback_url; loopback only
     * @return this
     */
    public Builder callbackUrl(String url) {
      this.callbackUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /** @return the script */
    public TaskScript build() {
      return new TaskScript(this);
    }
  }
}
