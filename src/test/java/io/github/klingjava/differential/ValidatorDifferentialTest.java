package io.github.klingjava.differential;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.RequestValidator;
import io.github.klingjava.validation.Violation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * Differential test of the request validator: 10,000 requests per run, generated from the spec's
 * four request schemas (see {@link SpecArbitraries}), judged by the client's
 * {@link RequestValidator} (its public API only) and by an independent JSON Schema implementation
 * (networknt, OpenAPI 3.0 dialect) over the same embedded spec. Both must say "valid" or both
 * "invalid"; on a disagreement jqwik shrinks the request and prints the smallest one it finds,
 * with both validators' findings.
 *
 * <p>Left out of the comparison, as no JSON Schema validator knows them: violations of the spec's
 * {@code x-kling-rules} (cross-field rules such as the 3x expansion area), vendor constraints (no
 * vendor is given) and OpenAPI's {@code int32}/{@code int64} formats.
 */
class ValidatorDifferentialTest {

  private static final String BASE = "https://spec.kling-java.test/";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
          .schemaMappers(m -> m.mapPrefix(BASE, "classpath:io/github/klingjava/openapi/")));
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final List<String> REQUEST_SCHEMAS = List.of(RequestValidator.IMAGE_GENERATION,
      RequestValidator.MULTI_IMAGE, RequestValidator.IMAGE_EXPANSION,
      RequestValidator.IMAGE_TO_VIDEO);
  private static final SpecArbitraries SPEC = SpecArbitraries.embedded();
  private static final RequestValidator OURS = RequestValidator.create();

  @Property(tries = 10_000, shrinking = ShrinkingMode.BOUNDED)
  void bothValidatorsAgree(@ForAll("requests") Tuple2<String, Object> generated) throws Exception {
    String schema = generated.get1();
    String json = KlingMoshi.create().adapter(Object.class).toJson(generated.get2());
    Set<ValidationMessage> theirs = independent(schema).validate(JACKSON.readTree(json));
    List<Violation> ours = OURS.check(schema, generated.get2(), null).stream()
        .filter(v -> !SPEC.customRuleIds().contains(v.rule()) && !v.rule().equals("format"))
        .collect(Collectors.toList());
    Statistics.label("verdict").collect(schema, theirs.isEmpty() ? "valid" : "invalid");
    Statistics.label("first independent finding").collect(theirs.stream()
        .map(ValidationMessage::getType).sorted().findFirst().orElse("none"));
    if (theirs.isEmpty() != ours.isEmpty()) {
      throw new AssertionError("The validators disagree on this " + schema + ":\n  " + json
          + "\n  networknt: " + theirs + "\n  client:    " + ours);
    }
  }

  @Provide
  Arbitrary<Tuple2<String, Object>> requests() {
    return Arbitraries.oneOf(REQUEST_SCHEMAS.stream()
        .map(schema -> SPEC.request(schema).map(tree -> Tuple.of(schema, tree)))
        .collect(Collectors.toList()));
  }

  private static JsonSchema independent(String name) {
    return SCHEMAS.computeIfAbsent(name, n -> {
      JsonSchema s = FACTORY.getSchema(SchemaLocation.of(BASE
          + "kling-api.json#/components/schemas/" + n));
      s.initializeValidators();
      return s;
    });
  }
}
