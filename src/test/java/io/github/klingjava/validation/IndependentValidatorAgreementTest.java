package io.github.klingjava.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.github.klingjava.json.KlingMoshi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Judges every case of {@link RequestConstraintsTest} (and every wrong-type case) a second time
 * with an independent JSON-Schema implementation (networknt, OpenAPI 3.0 dialect) over the same
 * embedded spec, and requires the same verdict: valid for both, or invalid for both. This is the
 * evidence that the hand-written interpreter applies the schemas as standard validators such as
 * Prism's do. The independent validator knows nothing of {@code x-kling-rules} and
 * {@code x-vendor-constraints}, so those violations are left out of the comparison, and vendor
 * cases are skipped. Nor does it assert OpenAPI's {@code int32}/{@code int64} formats, which
 * Prism does (its ajv registers range checks for both), so {@code format} violations are left out
 * too; {@link RequestConstraintsTest} covers them.
 */
class IndependentValidatorAgreementTest {

  private static final String BASE = "https://spec.kling-java.test/";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
          .schemaMappers(m -> m.mapPrefix(BASE, "classpath:io/github/klingjava/openapi/")));
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Map<String, JsonSchema> SCHEMAS = new HashMap<>();

  @TestFactory
  Stream<DynamicTest> bothValidatorsAgreeOnEveryCase() {
    List<DynamicTest> tests = new ArrayList<>();
    for (RequestConstraintsTest.Case c : RequestConstraintsTest.CASES) {
      if (c.vendor() == null) {
        tests.add(DynamicTest.dynamicTest(c.name(), () -> agree(c.schema(), c.request())));
      }
    }
    for (SpecDerivedCases.Derived d : RequestConstraintsTest.DERIVED) {
      if (d.vendor() == null) {
        tests.add(DynamicTest.dynamicTest(d.name(), () -> agree(d.schema(), d.request())));
      }
    }
    SpecInventory inventory = new SpecInventory(SchemaValidator.embedded());
    for (String schema : SpecInventory.REQUEST_SCHEMAS) {
      inventory.typedPaths(schema).forEach((template, type) -> {
        String path = template.replace("[*]", "[0]");
        Map<String, Object> base = RequestConstraintsTest.baseHaving(schema, path);
        if (base != null && !path.equals("$")) {
          tests.add(DynamicTest.dynamicTest(schema + " " + template + " wrong type",
              () -> agree(schema, Trees.with(base, path,
                  RequestConstraintsTest.wrongValue(type)))));
        }
      });
    }
    assertTrue(tests.size() > 400, "too few cases: " + tests.size());
    return tests.stream();
  }

  private static void agree(String schema, Object request) throws Exception {
    String json = KlingMoshi.create().adapter(Object.class).toJson(request);
    Set<ValidationMessage> theirs = schema(schema).validate(JACKSON.readTree(json));
    List<Violation> ours = RequestValidator.create().check(schema, request, null).stream()
        .filter(v -> !CustomRules.ids().contains(v.rule()) && !v.rule().equals("format"))
        .collect(Collectors.toList());
    assertEquals(theirs.isEmpty(), ours.isEmpty(), "disagreement on " + json
        + "\n  independent: " + theirs + "\n  ours: " + ours);
  }

  private static synchronized JsonSchema schema(String name) {
    return SCHEMAS.computeIfAbsent(name, n -> {
      JsonSchema s = FACTORY.getSchema(SchemaLocation.of(BASE
          + "kling-api.json#/components/schemas/" + n));
      s.initializeValidators();
      return s;
    });
  }

}
