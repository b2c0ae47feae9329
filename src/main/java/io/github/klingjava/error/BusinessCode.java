package io.github.klingjava.error;

import static io.github.klingjava.error.ErrorFamily.ACCOUNT;
import static io.github.klingjava.error.ErrorFamily.AUTHENTICATION;
import static io.github.klingjava.error.ErrorFamily.INVALID_REQUEST;
import static io.github.klingjava.error.ErrorFamily.IP_POLICY;
import static io.github.klingjava.error.ErrorFamily.POLICY;
import static io.github.klingjava.error.ErrorFamily.RATE_LIMIT;
import static io.github.klingjava.error.ErrorFamily.SERVER;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The error rows of the spec's {@code x-kling-business-codes} table: the envelope {@code code},
 * the HTTP status Kling sends it with, and whether the same request may succeed later. This enum
 * is the only copy of that table in the code; {@code BusinessCodeSpecTest} keeps it equal to the
 * spec.
 *
 * <pre>{@code
 * BusinessCode.of(1303).map(BusinessCode::isRetryable).orElse(false); // true
 * }</pre>
 */
public enum BusinessCode {
  /** 1000, HTTP 401: Authentication failed. */
  AUTHENTICATION_FAILED(1000, 401, AUTHENTICATION, false, "Authentication failed"),
  /** 1001, HTTP 401: Authorization is empty. */
  AUTHORIZATION_EMPTY(1001, 401, AUTHENTICATION, false, "Authorization is empty"),
  /** 1002, HTTP 401: Authorization is invalid. */
  AUTHORIZATION_INVALID(1002, 401, AUTHENTICATION, false, "Authorization is invalid"),
  /** 1003, HTTP 401: Authorization is not yet valid (nbf). */
  AUTHORIZATION_NOT_YET_VALID(1003, 401, AUTHENTICATION, false, "Authorization is not yet valid (nbf)"),
  /** 1004, HTTP 401: Authorization has expired. */
  AUTHORIZATION_EXPIRED(1004, 401, AUTHENTICATION, false, "Authorization has expired"),
  /** 1100, HTTP 429: Account exception. */
  ACCOUNT_EXCEPTION(1100, 429, ACCOUNT, false, "Account exception"),
  /** 1101, HTTP 429: Account in arrears (postpaid). */
  ACCOUNT_IN_ARREARS(1101, 429, ACCOUNT, false, "Account in arrears (postpaid)"),
  /** 1102, HTTP 429: Resource pack depleted or expired (prepaid). */
  RESOURCE_PACK_EXHAUSTED(1102, 429, ACCOUNT, false, "Resource pack depleted or expired (prepaid)"),
  /** 1103, HTTP 403: No permission for the resource (API or model). */
  NO_PERMISSION(1103, 403, ACCOUNT, false, "No permission for the resource (API or model)"),
  /** 1200, HTTP 400: Invalid request parameters. */
  INVALID_PARAMETERS(1200, 400, INVALID_REQUEST, false, "Invalid request parameters"),
  /** 1201, HTTP 400: Invalid key or illegal value (see message). */
  ILLEGAL_VALUE(1201, 400, INVALID_REQUEST, false, "Invalid key or illegal value (see message)"),
  /** 1202, HTTP 404: Request method invalid. */
  METHOD_INVALID(1202, 404, INVALID_REQUEST, false, "Request method invalid"),
  /** 1203, HTTP 404: Requested resource does not exist. */
  RESOURCE_NOT_FOUND(1203, 404, INVALID_REQUEST, false, "Requested resource does not exist"),
  /** 1300, HTTP 400: Platform strategy triggered. */
  PLATFORM_POLICY(1300, 400, POLICY, false, "Platform strategy triggered"),
  /** 1301, HTTP 400: Content security policy triggered. */
  CONTENT_POLICY(1301, 400, POLICY, false, "Content security policy triggered"),
  /** 1302, HTTP 429: Requests too fast (rate limit). */
  TOO_MANY_REQUESTS(1302, 429, RATE_LIMIT, true, "Requests too fast (rate limit)"),
  /** 1303, HTTP 429: Concurrency or QPS exceeds the resource pack limit. */
  CONCURRENCY_LIMIT(1303, 429, RATE_LIMIT, true, "Concurrency or QPS exceeds the resource pack limit"),
  /** 1304, HTTP 429: IP whitelist policy triggered. */
  IP_WHITELIST(1304, 429, IP_POLICY, false, "IP whitelist policy triggered"),
  /** 5000, HTTP 500: Server internal error. */
  INTERNAL_ERROR(5000, 500, SERVER, true, "Server internal error"),
  /** 5001, HTTP 503: Temporarily unavailable (maintenance). */
  TEMPORARILY_UNAVAILABLE(5001, 503, SERVER, true, "Temporarily unavailable (maintenance)"),
  /** 5002, HTTP 504: Internal timeout (backlog). */
  INTERNAL_TIMEOUT(5002, 504, SERVER, true, "Internal timeout (backlog)");

  private static final Map<Integer, BusinessCode> BY_CODE = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(BusinessCode::code, Function.identity()));

  private final int code;
  private final int httpStatus;
  private final ErrorFamily family;
  private final boolean retryable;
  private final String meaning;

  BusinessCode(int code, int httpStatus, ErrorFamily family, boolean retryable, String meaning) {
    this.code = code;
    this.httpStatus = httpStatus;
    this.family = family;
    this.retryable = retryable;
    this.meaning = meaning;
  }

  /**
   * @param code an envelope {@code code}
   * @return the row for it, or empty for 0 (success) and codes the table does not know
   */
  public static Optional<BusinessCode> of(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  /** @return the codes whose requests may succeed when sent again later */
  public static Set<Integer> retryableCodes() {
    return Arrays.stream(values()).filter(BusinessCode::isRetryable).map(BusinessCode::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** @return the envelope {@code code} */
  public int code() {
    return code;
  }

  /** @return the HTTP status Kling documents for this code */
  public int httpStatus() {
    return httpStatus;
  }

  /** @return true when the same request may succeed later (rate limits, server errors) */
  public boolean isRetryable() {
    return retryable;
  }

  /** @return the documented meaning, in English */
  public String meaning() {
    return meaning;
  }

  ErrorFamily family() {
    return family;
  }
}
