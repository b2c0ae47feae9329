package io.github.klingjava.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The state of one task in the double, advanced by polls (or time) as its script says. */
final class ScriptedTask {

  /** What a poll gets: an error to answer, or the task's state after the poll. */
  record PollAnswer(Duration rateLimit, Integer serverError, Snapshot snapshot, Change change) {
  }

  /**
   * Whether a step changed the task, and the callback it queued (null without a callback URL),
   * carrying the snapshot of that very change.
   */
  record Change(boolean happened, CallbackOutbox.Entry callback) {
    static final Change NONE = new Change(false, null);
  }

  /** The task as the wire shows it at one moment. */
  record Snapshot(String taskId, String status, String statusMessage, String externalTaskId,
      boolean videos, List<String> resultUrls, long createdAt, long updatedAt, boolean newStandard) {

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
  private final CallbackOutbox outbox = new CallbackOutbox();
  private volatile boolean newStandard;

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

  /** Marks a task created on a new-standard route: its queries and callbacks speak the new dialect. */
  void markNewStandard() {
    newStandard = true;
  }

  boolean isNewStandard() {
    return newStandard;
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

  CallbackOutbox outbox() {
    return outbox;
  }

  synchronized int gets() {
    return gets;
  }

  synchronized PollAnswer poll(Instant now) {
    gets++;
    Duration rateLimit = script.rateLimitAt(gets);
    if (rateLimit != null) {
      return new PollAnswer(rateLimit, null, null, Change.NONE);
    }
    Integer serverError = script.serverErrorAt(gets);
    if (serverError != null) {
      return new PollAnswer(null, serverError, null, Change.NONE);
    }
    answered++;
    Change change = moveTo(nextStatus(now), now);
    return new PollAnswer(null, null, snapshot(), change);
  }

  /** @return whether the task reached its outcome just now */
  synchronized Change finishNow(Instant now) {
    return moveTo(outcome(), now);
  }

  /** @return whether time made the task reach its outcome just now */
  synchronized Change finishIfReady(Instant now) {
    return readyAt != null && !now.isBefore(readyAt) ? moveTo(outcome(), now) : Change.NONE;
  }

  /** Queues a resend of the current state, in order after the callbacks already queued. */
  synchronized CallbackOutbox.Entry queueResend() {
    return outbox.add(snapshot());
  }

  synchronized Snapshot snapshot() {
    boolean succeeded = "succeed".equals(status);
    String message = "failed".equals(status) ? script.failureMessage() : "";
    return new Snapshot(id, status, message, externalId, videos,
        succeeded ? resultUrls : List.of(), createdAt, updatedAt, newStandard);
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

  private Change moveTo(String next, Instant now) {
    if (next.equals(status) || isTerminal(status)) {
      return Change.NONE;
    }
    status = next;
    updatedAt = Math.max(updatedAt + 1, now.toEpochMilli()); // strictly increasing: dedup key
    // Queued under this lock: callbacks keep the order of the changes and the state of each.
    return new Change(true, callbackUrl == null ? null : outbox.add(snapshot()));
  }

  private String outcome() {
    return script.fails() ? "failed" : "succeed";
  }

  private static boolean isTerminal(String status) {
    return "succeed".equals(status) || "failed".equals(status);
  }
}
