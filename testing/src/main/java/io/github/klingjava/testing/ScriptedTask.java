package io.github.klingjava.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The state of one task in the double, advanced by polls (or time) as its script says. */
final class ScriptedTask {

  /** What a poll gets: an error to answer, or the task's state after the poll. */
  record PollAnswer(Duration rateLimit, Integer serverError, Snapshot snapshot, boolean changed) {
  }

  /** The task as the wire shows it at one moment. */
  record Snapshot(String taskId, String status, String statusMessage, String externalTaskId,
      boolean videos, List<String> resultUrls, long createdAt, long updatedAt) {

    boolean terminal() {
      return "succeed".equals(status) || "failed".equals(status);
    }
  }

  private final String id;
  private final String externalId;
  private final boolean videos;
  private final TaskScript script;
  private final String callbackUrl;
  private final List<String> resultUrls;
  private final long createdAt;
  private final Instant readyAt;

  // Guarded by this.
  private int gets;
  private int answered;
  private String status = "submitted";
  private long updatedAt;

  ScriptedTask(String id, String externalId, boolean videos, TaskScript script, String callbackUrl,
      List<String> resultUrls, Instant now) {
    this.id = id;
    this.externalId = externalId;
    this.videos = videos;
    this.script = script;
    this.callbackUrl = callbackUrl;
    this.resultUrls = List.copyOf(resultUrls);
    this.createdAt = now.toEpochMilli();
    this.updatedAt = createdAt;
    this.readyAt = script.readyAfter() == null ? null : now.plus(script.readyAfter());
  }

  String id() {
    return id;
  }

  String externalId() {
    return externalId;
  }

  String callbackUrl() {
    return callbackUrl;
  }

  Instant readyAt() {
    return readyAt;
  }

  synchronized int gets() {
    return gets;
  }

  synchronized PollAnswer poll(Instant now) {
    gets++;
    Duration rateLimit = script.rateLimitAt(gets);
    if (rateLimit != null) {
      return new PollAnswer(rateLimit, null, null, false);
    }
    Integer serverError = script.serverErrorAt(gets);
    if (serverError != null) {
      return new PollAnswer(null, serverError, null, false);
    }
    answered++;
    boolean changed = moveTo(nextStatus(now), now);
    return new PollAnswer(null, null, snapshot(), changed);
  }

  /** @return true when the task reached its outcome just now */
  synchronized boolean finishNow(Instant now) {
    return moveTo(outcome(), now);
  }

  /** @return true when time made the task reach its outcome just now */
  synchronized boolean finishIfReady(Instant now) {
    return readyAt != null && !now.isBefore(readyAt) && moveTo(outcome(), now);
  }

  synchronized Snapshot snapshot() {
    boolean succeeded = "succeed".equals(status);
    String message = "failed".equals(status) ? script.failureMessage() : "";
    return new Snapshot(id, status, message, externalId, videos,
        succeeded ? resultUrls : List.of(), createdAt, updatedAt);
  }

  private String nextStatus(Instant now) {
    if (isTerminal(status)) {
      return status;
    }
    boolean ready = readyAt != null ? !now.isBefore(readyAt)
        : answered > script.pollsBeforeOutcome();
    if (ready) {
      return outcome();
    }
    String scripted = script.statusAt(answered);
    return scripted != null ? scripted : "processing";
  }

  private boolean moveTo(String next, Instant now) {
    if (next.equals(status) || isTerminal(status)) {
      return false;
    }
    status = next;
    updatedAt = Math.max(updatedAt + 1, now.toEpochMilli()); // strictly increasing: dedup key
    return true;
  }

  private String outcome() {
    return script.fails() ? "failed" : "succeed";
  }

  private static boolean isTerminal(String status) {
    return "succeed".equals(status) || "failed".equals(status);
  }
}
