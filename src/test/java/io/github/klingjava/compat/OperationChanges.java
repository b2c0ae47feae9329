package io.github.klingjava.compat;

import io.github.klingjava.compat.SchemaChanges.Side;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.List;
import org.openapitools.openapidiff.core.model.ChangedApiResponse;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedRequestBody;
import org.openapitools.openapidiff.core.model.Endpoint;

/**
 * Classifies openapi-diff's operation-level findings: operations, parameters, request bodies and
 * responses; schemas are handed to {@link SchemaChanges} with the side they sit on.
 */
final class OperationChanges {

  private OperationChanges() {}

  static void classify(ChangedOpenApi diff, List<SpecChange> out) {
    for (Endpoint endpoint : diff.getMissingEndpoints()) {
      out.add(SpecChange.breaking("operation-removed", name(endpoint), "operation removed"));
    }
    for (Endpoint endpoint : diff.getNewEndpoints()) {
      out.add(SpecChange.compatible("operation-added", name(endpoint), "operation added"));
    }
    for (ChangedOperation operation : diff.getChangedOperations()) {
      String where = operation.getHttpMethod() + " " + operation.getPathUrl();
      parameters(where, operation.getParameters(), out);
      requestBody(where, operation.getRequestBody(), out);
      responses(where, operation.getApiResponses(), out);
    }
  }

  private static void parameters(String where, ChangedParameters parameters, List<SpecChange> out) {
    if (parameters == null) {
      return;
    }
    for (Parameter removed : parameters.getMissing()) {
      out.add(SpecChange.breaking("parameter-removed", where + " " + label(removed), "parameter removed (or renamed)"));
    }
    for (Parameter added : parameters.getIncreased()) {
      if (Boolean.TRUE.equals(added.getRequired())) {
        out.add(SpecChange.breaking("parameter-now-required", where + " " + label(added), "new required parameter"));
      } else {
        out.add(SpecChange.compatible("optional-parameter-added", where + " " + label(added), "optional parameter added"));
      }
    }
    parameters.getChanged().forEach(changed -> {
      String at = where + " " + label(changed.getNewParameter());
      if (changed.isChangeRequired() && Boolean.TRUE.equals(changed.getNewParameter().getRequired())) {
        out.add(SpecChange.breaking("parameter-now-required", at, "now required"));
      }
      SchemaChanges.classify(Side.REQUEST, at, changed.getSchema(), out);
    });
  }

  private static void requestBody(String where, ChangedRequestBody body, List<SpecChange> out) {
    if (body == null) {
      return;
    }
    String at = where + " request body";
    if (body.isChangeRequired() && body.getNewRequestBody() != null
        && Boolean.TRUE.equals(body.getNewRequestBody().getRequired())) {
      out.add(SpecChange.breaking("request-body-now-required", at, "now required"));
    }
    content(Side.REQUEST, at, body.getContent(), out);
  }

  private static void responses(String where, ChangedApiResponse responses, List<SpecChange> out) {
    if (responses == null) {
      return;
    }
    responses.getMissing().keySet().forEach(status ->
        out.add(SpecChange.breaking("response-removed", where + " response " + status, "response removed")));
    responses.getIncreased().keySet().forEach(status ->
        out.add(SpecChange.compatible("response-added", where + " response " + status, "response added")));
    responses.getChanged().forEach((status, response) ->
        content(Side.RESPONSE, where + " response " + status, response.getContent(), out));
  }

  private static void content(Side side, String at, ChangedContent content, List<SpecChange> out) {
    if (content == null) {
      return;
    }
    content.getMissing().keySet().forEach(type ->
        out.add(SpecChange.breaking("media-type-removed", at + " " + type, "media type removed")));
    content.getIncreased().keySet().forEach(type ->
        out.add(SpecChange.compatible("media-type-added", at + " " + type, "media type added")));
    content.getChanged().forEach((type, media) -> SchemaChanges.classify(side, at, media.getSchema(), out));
  }

  private static String label(Parameter parameter) {
    return "parameter " + parameter.getIn() + ":" + parameter.getName();
  }

  private static String name(Endpoint endpoint) {
    return endpoint.getMethod() + " " + endpoint.getPathUrl();
  }
}
