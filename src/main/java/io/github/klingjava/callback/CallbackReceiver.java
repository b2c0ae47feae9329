package io.github.klingjava.callback;

import com.squareup.moshi.Moshi;
import io.github.klingjava.generated.model.Task;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.task.TaskStatus;
import io.github.klingjava.task.TaskWaiter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns a vendor callback into a task update. Your web framework receives the POST; this class
 * checks the token you put into {@code callback_url} and, given the console's webhook secret,
 * Kling's signature (Standard Webhooks headers), reads the body (the bare task object, or the
 * new-standard {@code id}/{@code status} shape), drops duplicates, and finishes the matching
 * {@link TaskWaiter} wait early. Polling stays the
 * fallback: Kling does not guarantee delivery.
 *
 * <pre>{@code
 * CallbackReceiver receiver = CallbackReceiver.builder()
 *     .requireToken(System.getenv("KLING_CALLBACK_TOKEN"))  // callback_url: ...?token=...
 *     .requireSignature(System.getenv("KLING_WEBHOOK_SECRET")) // whsec_..., optional
 *     .waiter(waiter)
 *     .build();
 *
 * // in a servlet, Spring controller, Javalin handler...
 * CallbackResult result = receiver.receive(bodyBytes, fullRequestUrl, headers);
 * response.setStatus(result.httpStatus());
 * }</pre>
 *
 * <p>Duplicates are recognised by {@code webhook-id} when the callback is signed, else by
 * {@code task_id} and {@code updated_at}, among the last
 * {@value #DEFAULT_REMEMBERED} callbacks by default. Thread-safe.
 */
public final class CallbackReceiver {

  /** Callbacks remembered for de-duplication unless configured otherwise. */
  public static final int DEFAULT_REMEMBERED = 10_000;
  /** How far a signed callback's timestamp may be from now (Kling's sample uses 300 s). */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
  /** Largest body accepted, before and after gzip decoding. */
  public static final int MAX_BODY_BYTES = 1 << 20;

  private final TokenCheck token;
  private final SignatureCheck signature;
  private final String tokenParameter;
  private final CallbackBodyParser parser;
  private final RecentKeys seen;
  private final TaskWaiter waiter;
  private final List<Consumer<Task>> listeners;

  private CallbackReceiver(Builder builder) {
    this.token = builder.token;
    this.signature = builder.secrets.isEmpty() ? null
        : new SignatureCheck(builder.secrets, builder.clock, builder.tolerance);
    this.tokenParameter = builder.tokenParameter;
    this.parser = new CallbackBodyParser(builder.moshi, MAX_BODY_BYTES);
    this.seen = new RecentKeys(builder.remembered);
    this.waiter = builder.waiter;
    this.listeners = List.copyOf(builder.listeners);
  }

  /** @return a builder; without {@link Builder#requireToken(String)} any caller is trusted */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * @param body the raw request body
   * @param requestUrl the full request URL, a path with query, or just the query string
   * @param headers the request headers, names in any case; may be null
   * @return what happened, with the HTTP status to answer
   */
  public CallbackResult receive(byte[] body, String requestUrl, Map<String, List<String>> headers) {
    return receive(body, QueryParameters.parse(requestUrl), headers);
  }

  /**
   * @param body the request body as text
   * @param requestUrl the full request URL, a path with query, or just the query string
   * @param headers the request headers; may be null
   * @return what happened
   */
  public CallbackResult receive(String body, String requestUrl, Map<String, List<String>> headers) {
    byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
    return receive(bytes, QueryParameters.parse(requestUrl), withoutCharset(headers));
  }

  /**
   * @param body the raw request body
   * @param queryParameters the decoded query parameters, as frameworks expose them
   * @param headers the request headers; may be null
   * @return what happened
   */
  public CallbackResult receive(byte[] body, Map<String, List<String>> queryParameters,
      Map<String, List<String>> headers) {
    String refusal = checkToken(queryParameters);
    if (refusal == null && signature != null) {
      refusal = signature.refusal(headers, body);
    }
    if (refusal != null) {
      return CallbackResult.rejected(401, refusal);
    }
    Task task;
    try {
      task = parser.parse(body, headers);
    } catch (CallbackBodyParser.Unreadable e) {
      return CallbackResult.rejected(e.httpStatus, e.getMessage());
    }
    if (task == null || task.getTaskId() == null || task.getTaskId().isEmpty()) {
      return CallbackResult.rejected(400, "no task_id");
    }
    return deliverOnce(task, CallbackBodyParser.header(headers, SignatureCheck.ID));
  }

  private String checkToken(Map<String, List<String>> queryParameters) {
    if (token == null) {
      return null;
    }
    List<String> values = queryParameters == null ? null : queryParameters.get(tokenParameter);
    if (values == null || values.isEmpty()) {
      return "missing token";
    }
    if (values.size() > 1) {
      return "more than one token";
    }
    // Never echo either token: a near miss would help whoever is guessing.
    return token.matches(values.get(0)) ? null : "wrong token";
  }

  private CallbackResult deliverOnce(Task task, String webhookId) {
    // webhook-id is unique per callback (Standard Webhooks): a resend carries the same id
    String key = webhookId != null && !webhookId.isBlank() ? "webhook-id:" + webhookId
        : task.getTaskId() + '@' + (task.getUpdatedAt() != null
            ? task.getUpdatedAt().toString() : "status:" + TaskStatus.ofTask(task));
    if (!seen.add(key)) {
      return CallbackResult.duplicate(task);
    }
    try {
      boolean matched = waiter != null && waiter.offer(task);
      for (Consumer<Task> listener : listeners) {
        listener.accept(task);
      }
      return CallbackResult.accepted(task, matched);
    } catch (RuntimeException e) {
      // Not delivered: a resend of the same callback must not be taken for a duplicate.
      seen.forget(key);
      throw e;
    }
  }

  /** A String body is already decoded; a charset in Content-Type no longer applies. */
  private static Map<String, List<String>> withoutCharset(Map<String, List<String>> headers) {
    if (headers == null) {
      return null;
    }
    Map<String, List<String>> copy = new java.util.LinkedHashMap<>(headers);
    copy.keySet().removeIf(name -> name != null && (name.equalsIgnoreCase("Content-Type")
        || name.equalsIgnoreCase("Content-Encoding")));
    return copy;
  }

  /** Builds a {@link CallbackReceiver}. */
  public static final class Builder {
    private TokenCheck token;
    private final List<String> secrets = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private String tokenParameter = "token";
    private Moshi moshi = KlingMoshi.create();
    private int remembered = DEFAULT_REMEMBERED;
    private TaskWaiter waiter;
    private final List<Consumer<Task>> listeners = new ArrayList<>();

    private Builder() {
    }

    /**
     * @param expected the secret you appended to {@code callback_url}; callbacks without it, or
     *     with another value, are rejected with 401
     * @return this builder
     */
    public Builder requireToken(String expected) {
      this.token = new TokenCheck(expected);
      io.github.klingjava.error.SecretMask.global().add(expected); // masked by value in every message
      return this;
    }

    /**
     * Verifies Kling's webhook signature ({@code webhook-id}, {@code webhook-timestamp},
     * {@code webhook-signature}; Standard Webhooks) on every callback: a missing, wrong or stale
     * signature is refused with 401. Give the old and the new secret during a rotation.
     *
     * @param whsecSecrets the console's webhook secrets, {@code whsec_} followed by Base64
     * @return this builder
     * @throws IllegalArgumentException for a secret that is not {@code whsec_} + Base64 (the
     *     message never shows the secret)
     */
    public Builder requireSignature(String... whsecSecrets) {
      List<String> given = List.of(whsecSecrets);
      new SignatureCheck(given, clock, tolerance); // fail fast on a malformed secret
      secrets.addAll(given);
      return this;
    }

    /**
     * @param window how far {@code webhook-timestamp} may be from now, 5 minutes by default
     * @return this builder
     */
    public Builder signatureTolerance(Duration window) {
      if (window == null || window.isNegative()) {
        throw new IllegalArgumentException("window must be zero or positive: " + window);
      }
      this.tolerance = window;
      return this;
    }

    /**
     * @param now the clock the signature timestamps are checked against (tests inject one)
     * @return this builder
     */
    public Builder clock(Clock now) {
      this.clock = Objects.requireNonNull(now, "clock");
      return this;
    }

    /**
     * @param name the query parameter carrying the token, {@code token} by default
     * @return this builder
     */
    public Builder tokenParameter(String name) {
      this.tokenParameter = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * @param waiter finishes its matching waits early (any view of a waiter works: they share
     *     the registry)
     * @return this builder
     */
    public Builder waiter(TaskWaiter waiter) {
      this.waiter = Objects.requireNonNull(waiter, "waiter");
      return this;
    }

    /**
     * @param listener called once per accepted callback, on the caller's thread
     * @return this builder
     */
    public Builder onTask(Consumer<Task> listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * @param count how many callbacks to remember for de-duplication
     * @return this builder
     */
    public Builder remember(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("count must be positive: " + count);
      }
      this.remembered = count;
      return this;
    }

    /**
     * @param json the Moshi to read tasks with, {@link KlingMoshi#create()} by default
     * @return this builder
     */
    public Builder moshi(Moshi json) {
      this.moshi = Objects.requireNonNull(json, "moshi");
      return this;
    }

    /** @return the receiver */
    public CallbackReceiver build() {
      return new CallbackReceiver(this);
    }
  }
}
