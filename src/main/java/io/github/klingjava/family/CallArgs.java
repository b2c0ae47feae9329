package io.github.klingjava.family;

import java.util.Map;

/**
 * The arguments of one call, handed to the generated binding, which passes them to the generated Retrofit
 * method: the body, the value of the path's parameter (a task id) and the query parameters by wire name.
 */
public final class CallArgs {
  private final Object body;
  private final String pathValue;
  private final Map<String, Object> query;

  private CallArgs(Object body, String pathValue, Map<String, Object> query) {
    this.body = body;
    this.pathValue = pathValue;
    this.query = Map.copyOf(query);
  }

  /** A call with a body only (submit, sync calls). */
  public static CallArgs ofBody(Object body) {
    return new CallArgs(body, null, Map.of());
  }

  /** A call on one resource (get by task id or external id). */
  public static CallArgs ofPath(String value) {
    return new CallArgs(null, value, Map.of());
  }

  /** A call with query parameters only (list). */
  public static CallArgs ofQuery(Map<String, Object> query) {
    return new CallArgs(null, null, query);
  }

  /** A call with a body and query parameters (a list that pages in its query, with a body to filter by). */
  public static CallArgs of(Object body, Map<String, Object> query) {
    return new CallArgs(body, null, query);
  }

  /** The body, for the generated binding. */
  public Object body() {
    return body;
  }

  /** The path parameter's value, whatever the spec names the parameter. */
  public Object path(String name) {
    return pathValue;
  }

  /** A query parameter by its wire name, or null when not given (Retrofit then leaves it out). */
  public Object query(String name) {
    return query.get(name);
  }
}
