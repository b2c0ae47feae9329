package io.github.klingjava.family;

import io.github.klingjava.paging.SpecPaging;
import java.util.Objects;
import java.util.Optional;

/**
 * One operation of a family as the spec declares it: its {@code x-kling-operation} role, its
 * {@code operationId}, HTTP method, route (relative, no leading slash) and request schema (empty when the
 * operation has no body), and how it pages when the spec gives it {@code x-kling-paging}.
 */
public final class SpecOperation {
  private final String role;
  private final String operationId;
  private final String method;
  private final String path;
  private final String requestSchema;
  private final Class<?> requestType;
  private final Class<?> responseType;
  private final SpecPaging paging;

  /** Used by the generated family list; the arguments come from the spec ({@code Void} for no body). */
  public SpecOperation(String role, String operationId, String method, String path, String requestSchema,
      Class<?> requestType, Class<?> responseType) {
    this(role, operationId, method, path, requestSchema, requestType, responseType, null);
  }

  /** Used by the generated family list for an operation with {@code x-kling-paging}. */
  public SpecOperation(String role, String operationId, String method, String path, String requestSchema,
      Class<?> requestType, Class<?> responseType, SpecPaging paging) {
    this.paging = paging;
    this.role = Objects.requireNonNull(role, "role");
    this.operationId = Objects.requireNonNull(operationId, "operationId");
    this.method = Objects.requireNonNull(method, "method");
    this.path = Objects.requireNonNull(path, "path");
    this.requestSchema = Objects.requireNonNull(requestSchema, "requestSchema");
    this.requestType = Objects.requireNonNull(requestType, "requestType");
    this.responseType = Objects.requireNonNull(responseType, "responseType");
  }

  /** The generated model of the request body, {@code Void.class} when there is none. */
  public Class<?> requestType() {
    return requestType;
  }

  /** The generated model of the 200 answer, {@code Void.class} when there is none. */
  public Class<?> responseType() {
    return responseType;
  }

  /** How the operation pages ({@code x-kling-paging} with its parameters' limits), empty when it does not. */
  public Optional<SpecPaging> paging() {
    return Optional.ofNullable(paging);
  }

  /** {@code submit}, {@code get}, {@code getByExternalId}, {@code list} or {@code call}. */
  public String role() {
    return role;
  }

  /** The spec's {@code operationId}, e.g. {@code createImageToVideoTask}. */
  public String operationId() {
    return operationId;
  }

  /** The HTTP method in capitals. */
  public String method() {
    return method;
  }

  /** The route relative to the base URL, e.g. {@code v1/videos/image2video/{id}}. */
  public String path() {
    return path;
  }

  /** The request body's schema name, or the empty string when the operation has no body. */
  public String requestSchema() {
    return requestSchema;
  }

  @Override
  public String toString() {
    return role + " " + method + " /" + path + " (" + operationId + ")";
  }
}
