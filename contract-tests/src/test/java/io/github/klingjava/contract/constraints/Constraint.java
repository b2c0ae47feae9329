package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.spec.OperationSpec;
import java.util.List;

/**
 * One declared constraint of a request, with a request that breaks exactly it (as far as the
 * schema allows) and what Prism and the client are each expected to say.
 *
 * @param operation the operation whose request it constrains
 * @param kind where the constraint is declared
 * @param at the constrained place
 * @param rule the JSON-Schema keyword, x-rule name or x-kling-rules id
 * @param detail the limit or branch, e.g. {@code 2500}, {@code image_tail+static_mask}
 * @param invalidBody the request body that breaks it (body constraints), else null
 * @param parameter the parameter call that breaks it (parameter constraints), else null
 * @param clientPath the path the client's violation must name
 * @param prismLocation the location Prism's violation must name ({@code request, body, ...})
 * @param prismCode the keyword Prism reports, or null when Prism is expected to accept
 *     (x-kling-rules and vendor limits are client-only)
 * @param prismProperty the property Prism's message names (required, additionalProperties), or null
 * @param vendor the vendor whose limits apply (x-vendor-constraints), or null
 */
public record Constraint(OperationSpec operation, Kind kind, JsonPointer at, String rule, String detail,
    JsonNode invalidBody, ParameterCall parameter, String clientPath, List<String> prismLocation,
    String prismCode, String prismProperty, String vendor) {

  /** Where a constraint is declared. */
  public enum Kind {
    /** A JSON-Schema keyword of a request schema. */
    SCHEMA,
    /** A named branch ({@code x-rule}) of a schema-level anyOf/not. */
    X_RULE,
    /** An {@code x-kling-rules} entry: enforced by the client only. */
    KLING_RULE,
    /** An {@code x-vendor-constraints} entry: enforced by the client for that vendor only. */
    VENDOR,
    /** A query or path parameter's schema. */
    PARAMETER
  }

  /**
   * A call with one out-of-range parameter.
   *
   * @param name pageNum, pageSize or id
   * @param value the value sent
   */
  public record ParameterCall(String name, String value) {
  }

  /** @return whether Prism is expected to accept what the client rejects */
  public boolean clientOnly() {
    return prismCode == null;
  }

  /** @return the coverage key, unique per constraint */
  public String key() {
    return operation.operationId() + ":" + clientPath + ":" + rule
        + (detail == null || detail.isEmpty() ? "" : "(" + detail + ")");
  }

  /** @return the case name in the matrix and the test name */
  public String caseName() {
    return clientPath + " " + rule + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
