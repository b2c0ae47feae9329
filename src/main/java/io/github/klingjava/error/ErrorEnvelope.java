package io.github.klingjava.error;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import okhttp3.Headers;
import okio.Buffer;

/**
 * The {@code code}, {@code message} and {@code request_id} of a response body, read leniently.
 *
 * <p>Bodies seen in the wild: Kling's {@code {"code":1201,"message":"...","request_id":"..."}},
 * CometAPI's {@code {"code": null, "message": "404"}}, new-api's string codes
 * ({@code "task_failed"}) and OpenAI-style {@code {"error":{"message":...,"code":...}}}, proxies'
 * HTML pages, empty bodies, and bodies cut off mid-way. Parsing never throws: it streams the
 * top-level object with Moshi and keeps whatever it read before the JSON went wrong, so a
 * truncated body still yields its code.
 *
 * <pre>{@code
 * ErrorEnvelope envelope = ErrorEnvelope.parse(body);
 * if (envelope.code() != null && envelope.code() != 0) { ... }
 * }</pre>
 */
public final class ErrorEnvelope {

  /** Response headers that carry a request id when the body does not, in order of preference. */
  private static final List<String> REQUEST_ID_HEADERS = List.of("X-Request-Id", "Request-Id");

  private static final ErrorEnvelope EMPTY = new ErrorEnvelope(null, null, null, null);

  private final String codeText;
  private final String message;
  private final String requestId;
  private final String taskId;

  private ErrorEnvelope(String codeText, String message, String requestId, String taskId) {
    this.codeText = codeText;
    this.message = message;
    this.requestId = requestId;
    this.taskId = taskId;
  }

  /**
   * @param rawBody a response body, possibly null, empty, HTML or truncated
   * @return what could be read; every field may be null
   */
  public static ErrorEnvelope parse(String rawBody) {
    if (rawBody == null || rawBody.isBlank()) {
      return EMPTY;
    }
    return new Reader(rawBody).read();
  }

  /** @return the numeric {@code code}, or null when absent, null or not an integer */
  public Integer code() {
    return toInteger(codeText);
  }

  /** @return the {@code code} as sent (e.g. "1302" or "task_failed"), or null */
  public String codeText() {
    return codeText;
  }

  /** @return the {@code message} (or {@code error.message}), or null */
  public String message() {
    return message;
  }

  /** @return the body's {@code request_id}, or null */
  public String requestId() {
    return requestId;
  }

  /**
   * @return {@code data.task_id} when the body carries one (a created task must not be hidden by
   *     a field that fails to parse elsewhere), or null
   */
  public String taskId() {
    return taskId;
  }

  /**
   * @param headers the response headers, may be null
   * @return the body's {@code request_id}, else an {@code X-Request-Id} or {@code Request-Id}
   *     header, else null
   */
  public String requestIdOr(Headers headers) {
    if (requestId != null || headers == null) {
      return requestId;
    }
    return REQUEST_ID_HEADERS.stream().map(headers::get).filter(v -> v != null && !v.isBlank())
        .findFirst().orElse(null);
  }

  private static Integer toInteger(String text) {
    if (text == null) {
      return null;
    }
    try {
      return new BigDecimal(text.strip()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** One pass over one body; fields fill in as the reader meets them. */
  private static final class Reader {
    private final JsonReader json;
    private String code;
    private String message;
    private String requestId;
    private String taskId;

    Reader(String body) {
      this.json = JsonReader.of(new Buffer().writeUtf8(body));
      json.setLenient(true);
    }

    ErrorEnvelope read() {
      try {
        if (json.peek() == JsonReader.Token.BEGIN_OBJECT) {
          readTopLevel();
        }
      } catch (IOException | JsonDataException e) {
        // Truncated or malformed: keep what was read before the damage.
      }
      return new ErrorEnvelope(code, message, requestId, taskId);
    }

    private void readTopLevel() throws IOException {
      json.beginObject();
      while (json.hasNext()) {
        switch (json.nextName()) {
          case "code" -> code = scalar();
          case "message" -> message = scalar();
          case "request_id" -> requestId = scalar();
          case "error" -> readNestedError();
          case "data" -> readData();
          default -> json.skipValue();
        }
      }
    }

    /** Only {@code data.task_id} of a task envelope; anything else in {@code data} is skipped. */
    private void readData() throws IOException {
      if (json.peek() != JsonReader.Token.BEGIN_OBJECT) {
        json.skipValue();
        return;
      }
      json.beginObject();
      while (json.hasNext()) {
        if ("task_id".equals(json.nextName())) {
          String id = scalar();
          taskId = id == null || id.isBlank() ? null : id;
        } else {
          json.skipValue();
        }
      }
      json.endObject();
    }

    /** OpenAI-style {@code {"error":{"message":...,"code":...}}}: used only when the top level is silent. */
    private void readNestedError() throws IOException {
      if (json.peek() != JsonReader.Token.BEGIN_OBJECT) {
        String text = scalar();
        message = message == null ? text : message;
        return;
      }
      json.beginObject();
      while (json.hasNext()) {
        switch (json.nextName()) {
          case "message" -> message = firstNonNull(message, scalar());
          case "code" -> code = firstNonNull(code, scalar());
          default -> json.skipValue();
        }
      }
      json.endObject();
    }

    private String scalar() throws IOException {
      switch (json.peek()) {
        case STRING, NUMBER:
          return json.nextString();
        case BOOLEAN:
          return String.valueOf(json.nextBoolean());
        case NULL:
          return json.nextNull();
        default:
          json.skipValue();
          return null;
      }
    }

    private static String firstNonNull(String current, String candidate) {
      return current != null ? current : candidate;
    }
  }
}
