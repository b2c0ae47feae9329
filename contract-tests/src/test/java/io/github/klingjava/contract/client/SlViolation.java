package io.github.klingjava.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of Prism's {@code sl-violations} header, e.g.
 * {@code {"location":["request","body","n"],"severity":"Error","code":"maximum","message":"..."}}.
 *
 * @param location where: {@code request|response}, then {@code body|query|path}, then the field path
 * @param severity Error, Warning, ...
 * @param code the JSON-Schema keyword (or an HTTP status for security problems)
 * @param message Prism's text
 */
public record SlViolation(List<String> location, String severity, String code, String message) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * @param header the header value, or null
   * @return the entries (empty for null)
   */
  public static List<SlViolation> parse(String header) {
    List<SlViolation> out = new ArrayList<>();
    if (header == null || header.isBlank()) {
      return out;
    }
    try {
      for (JsonNode entry : JSON.readTree(header)) {
        List<String> location = new ArrayList<>();
        entry.path("location").forEach(segment -> location.add(segment.asText()));
        out.add(new SlViolation(location, entry.path("severity").asText(), entry.path("code").asText(),
            entry.path("message").asText()));
      }
    } catch (IOException e) {
      out.add(new SlViolation(List.of("?"), "Error", "unparseable", header));
    }
    return out;
  }

  /** @return whether it is about the response (drift) rather than the request */
  public boolean aboutResponse() {
    return !location.isEmpty() && location.get(0).equals("response");
  }

  @Override
  public String toString() {
    return String.join(".", location) + " " + code + ": " + message;
  }
}
