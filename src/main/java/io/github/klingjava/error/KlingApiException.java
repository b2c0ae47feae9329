package io.github.klingjava.error;

import java.time.Duration;
import java.util.Optional;

/**
 * A server answered, and the answer is an error. Built only by {@link ErrorHandler}; the subclass
 * tells the family (authentication, account, invalid request, policy, rate limit, IP policy,
 * server, unavailable endpoint, unexpected) and the accessors carry the details.
 *
 * <p>{@link #getMessage()} is one line: family, HTTP status, business code, server message and
 * request id. It never contains header values or the raw body; the body is available from
 * {@link #rawBody()} only, unmodified, so do not log that blindly.
 *
 * <pre>{@code
 * } catch (KlingApiException e) {
 *   if (e.isRetryable()) {
 *     retryLater(e.retryAfter().orElse(Duration.ofSeconds(1)));
 *   } else {
 *     log.error("{} (support id {})", e.getMessage(), e.requestId());
 *   }
 * }
 * }</pre>
 */
public abstract sealed class KlingApiException extends KlingException
    permits AuthenticationException, AccountException, InvalidRequestException, PolicyException,
        RateLimitException, IpPolicyException, ServerException, EndpointUnavailableException,
        UnexpectedResponseException {

  private static final long serialVersionUID = 1L;
  private static final int MESSAGE_LIMIT = 300;
  private static final int BODY_PREVIEW_LIMIT = 200;

  /** @serial the HTTP status */
  private final int httpStatus;
  /** @serial the envelope code, or null */
  private final Integer businessCode;
  /** @serial the envelope message, or null */
  private final String serverMessage;
  /** @serial the vendor's request id, or null */
  private final String requestId;
  /** @serial the body as received */
  private final String rawBody;
  /** @serial the Retry-After wait, or null */
  private final Duration retryAfter;
  /** @serial whether a later retry may succeed */
  private final boolean retryable;
  /** @serial the envelope code as sent (e.g. "task_failed"), or null */
  private final String businessCodeText;
  /** @serial data.task_id of the body, or null */
  private final String taskId;

  KlingApiException(ErrorDetails details) {
    super(describe(details));
    this.httpStatus = details.httpStatus();
    this.businessCode = details.businessCode();
    // Known secrets masked by value: a gateway echoing the key must not hand it to the caller's logs.
    this.serverMessage = details.serverMessage() == null ? null
        : SecretMask.global().maskWhole(details.serverMessage());
    this.requestId = details.requestId();
    this.rawBody = details.rawBody() == null ? "" : details.rawBody();
    this.retryAfter = details.retryAfter();
    this.retryable = details.retryable();
    this.businessCodeText = details.codeText();
    this.taskId = details.taskId();
  }

  /**
   * @return the envelope's {@code code} exactly as sent, numeric or not (new-api relays send
   *     {@code "success"} or {@code "task_failed"}), or null when absent or null
   */
  public String businessCodeText() {
    return businessCodeText;
  }

  /**
   * @return the {@code data.task_id} the body carries: on a 2xx that did not parse completely the
   *     task may still have been created, so its id is kept (query it, or cancel billing)
   */
  public Optional<String> taskId() {
    return Optional.ofNullable(taskId);
  }

  /** @return the HTTP status of the answer */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return the envelope's {@code code}, or null when absent, null or not a number */
  public Integer businessCode() {
    return businessCode;
  }

  /** @return the envelope's {@code message} as sent, known secrets masked (its wording is not a contract), or null */
  public String serverMessage() {
    return serverMessage;
  }

  /**
   * @return the body's {@code request_id}, else a request-id response header, else null; quote it
   *     to the vendor's support
   */
  public String requestId() {
    return requestId;
  }

  /** @return the response body exactly as received ("" when there was none) */
  public String rawBody() {
    return rawBody;
  }

  /** @return the wait the server asked for in {@code Retry-After}, if it sent one */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** @return true when sending the same request again later may succeed */
  public boolean isRetryable() {
    return retryable;
  }

  @Override
  public String toString() {
    String preview = SafeText.oneLine(rawBody, BODY_PREVIEW_LIMIT);
    return super.toString() + (preview.isEmpty() ? "" : " [body: " + preview + "]");
  }

  private static String describe(ErrorDetails d) {
    String code = d.codeText() == null ? "none" : SafeText.oneLine(d.codeText(), 40);
    String message = d.serverMessage() == null
        ? "none" : '"' + SafeText.oneLine(d.serverMessage(), MESSAGE_LIMIT) + '"';
    String id = d.requestId() == null ? "none" : SafeText.oneLine(d.requestId(), 128);
    return d.family().label() + (d.problem() == null ? "" : ": " + d.problem())
        + " (HTTP " + d.httpStatus() + ", code " + code
        + ", message " + message + ", request_id " + id
        + (d.taskId() == null ? "" : ", task_id " + SafeText.oneLine(d.taskId(), 64)) + ")";
  }
}
