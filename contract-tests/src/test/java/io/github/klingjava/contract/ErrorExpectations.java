package io.github.klingjava.contract;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.spec.SpecDocument;
import io.github.klingjava.error.AccountException;
import io.github.klingjava.error.AuthenticationException;
import io.github.klingjava.error.EndpointUnavailableException;
import io.github.klingjava.error.InvalidRequestException;
import io.github.klingjava.error.IpPolicyException;
import io.github.klingjava.error.KlingApiException;
import io.github.klingjava.error.PolicyException;
import io.github.klingjava.error.RateLimitException;
import io.github.klingjava.error.ServerException;
import java.util.HashMap;
import java.util.Map;

/**
 * Which typed exception an error answer must raise, read from the spec's
 * {@code x-kling-business-codes} table (code -> family); an answer without a business code is
 * decided by its status (404: the route is not served).
 */
final class ErrorExpectations {

  private static final Map<String, Class<? extends KlingApiException>> BY_FAMILY = Map.of(
      "authentication", AuthenticationException.class,
      "account", AccountException.class,
      "invalid-request", InvalidRequestException.class,
      "policy", PolicyException.class,
      "rate-limit", RateLimitException.class,
      "ip-policy", IpPolicyException.class,
      "server", ServerException.class);

  private final Map<Integer, JsonNode> table = new HashMap<>();

  ErrorExpectations(SpecDocument spec) {
    for (JsonNode row : spec.root().path("x-kling-business-codes")) {
      table.put(row.path("code").asInt(), row);
    }
  }

  /**
   * @param status the HTTP status the example is filed under
   * @param body the example body
   * @return the exception class the client must raise
   */
  Class<? extends KlingApiException> expected(int status, JsonNode body) {
    JsonNode code = body.path("code");
    if (code.isMissingNode() || code.isNull()) {
      if (status == 404) {
        return EndpointUnavailableException.class;
      }
      throw new AssertionError("no rule for an error without a business code on HTTP " + status);
    }
    JsonNode row = table.get(code.asInt());
    if (row == null) {
      throw new AssertionError("business code " + code + " is not in x-kling-business-codes");
    }
    if (row.path("http").asInt() != status) {
      throw new AssertionError("the spec files the example of code " + code + " under HTTP " + status
          + " but x-kling-business-codes says " + row.path("http").asInt());
    }
    Class<? extends KlingApiException> type = BY_FAMILY.get(row.path("family").asText());
    if (type == null) {
      throw new AssertionError("family '" + row.path("family").asText() + "' of code " + code
          + " has no exception class: extend ErrorExpectations");
    }
    return type;
  }
}
