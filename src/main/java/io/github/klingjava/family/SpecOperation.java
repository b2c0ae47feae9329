package io.github.klingjava.family;

import java.util.Objects;

/**
 * One operation of a family as the spec declares it: its {@code x-kling-operation} role, its
 * {@code operationId}, HTTP method, route (relative, no leading slash) and request schema (empty when the
 * operation has no body).
 */
public final class SpecOperation {
  private final String role;
  private final String operationId;
  private final String method;
  private final String path;
  private final String requestSchema;
  private final Class<?> requestType;
  private final Class<?> responseType;

  /** Used by the generated family list; the arguments come from the spec ({@code Void} for no body). */
  public SpecOperation(String role, String operationId, String method, String path, String requestSchema,
      Class<?> requestType, Class<?> responseType) {
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
