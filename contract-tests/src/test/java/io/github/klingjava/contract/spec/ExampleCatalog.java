package io.github.klingjava.contract.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every named example of the spec, as test cases: generated from the document each run, never
 * copied. Submit operations pair request and 200 examples by name; get and list operations have
 * 200 examples only; every error status has its named examples; callbacks have body examples.
 */
public final class ExampleCatalog {

  /**
   * A named 200 example of an operation, with its paired request example on submits.
   *
   * @param operation the operation
   * @param name the example name
   * @param request the request example of the same name (submits), else null
   * @param response the 200 example of the same name, or null when unpaired
   */
  public record OkCase(OperationSpec operation, String name, JsonNode request, JsonNode response) {
    /** @return the coverage key */
    public String key() {
      return operation.operationId() + ":" + name;
    }
  }

  /**
   * A named example of an error response.
   *
   * @param operation the operation
   * @param status the HTTP status
   * @param name the example name
   * @param body the body
   */
  public record ErrorCase(OperationSpec operation, int status, String name, JsonNode body) {
    /** @return the coverage key */
    public String key() {
      return operation.operationId() + ":" + status + ":" + name;
    }
  }

  /**
   * A named example of a callback body.
   *
   * @param callback the callback operation
   * @param name the example name
   * @param body the body
   */
  public record CallbackCase(OperationSpec.Callback callback, String name, JsonNode body) {
    /** @return the coverage key */
    public String key() {
      return callback.operationId() + ":" + name;
    }
  }

  private final SpecDocument spec;

  /** @param spec the spec */
  public ExampleCatalog(SpecDocument spec) {
    this.spec = spec;
  }

  /** @return one case per named request/200 example, pairs joined by name */
  public List<OkCase> okCases() {
    List<OkCase> cases = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      Set<String> names = new LinkedHashSet<>(op.requestExamples().keySet());
      names.addAll(op.okExamples().keySet());
      for (String name : names) {
        cases.add(new OkCase(op, name, op.requestExamples().get(name), op.okExamples().get(name)));
      }
    }
    return cases;
  }

  /** @return one case per named example of every error status of every operation */
  public List<ErrorCase> errorCases() {
    List<ErrorCase> cases = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      for (String status : op.errorStatuses()) {
        for (Map.Entry<String, JsonNode> example : op.responseExamples().get(status).entrySet()) {
          cases.add(new ErrorCase(op, Integer.parseInt(status), example.getKey(), example.getValue()));
        }
      }
    }
    return cases;
  }

  /** @return one case per named callback body example */
  public List<CallbackCase> callbackCases() {
    List<CallbackCase> cases = new ArrayList<>();
    for (OperationSpec op : spec.operations()) {
      for (OperationSpec.Callback callback : op.callbacks()) {
        callback.examples().forEach((name, body) -> cases.add(new CallbackCase(callback, name, body)));
      }
    }
    return cases;
  }

  /** @return the coverage keys of every named 200/request and callback example */
  public List<String> exampleKeys() {
    List<String> keys = new ArrayList<>();
    okCases().forEach(c -> keys.add(c.key()));
    callbackCases().forEach(c -> keys.add(c.key()));
    return keys;
  }

  /** @return the coverage keys of every named error example, per operation */
  public List<String> errorKeys() {
    return errorCases().stream().map(ErrorCase::key).toList();
  }
}
