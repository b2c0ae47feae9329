package io.github.klingjava.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import com.squareup.moshi.JsonAdapter;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.validation.RequestValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the request validator: 10,000 requests per run, generated from every
 * request schema of the spec (see {@link SpecArbitraries}), judged by the client's
 * {@link RequestValidator} (its public API only) and by an independent JSON Schema implementation
 * (networknt, OpenAPI 3.0 dialect) over the same embedded spec. Both must say "valid" or both
 * "invalid"; on a disagreement the request is shrunk ({@link Shrinker}) and the failure prints the
 * smallest one found, both validators' findings and the seed that reproduces the run
 * ({@code -Dkling.differential.seed=...}; a new seed each run otherwise).
 *
 * <p>Left out of the comparison, as no JSON Schema validator knows them: violations of the spec's
 * {@code x-kling-rules} (cross-field rules such as the 3x expansion area), vendor constraints (no
 * vendor is given) and OpenAPI's {@code int32}/{@code int64} formats.
 */
class ValidatorDifferentialTest {

  static final int CASES = 10_000;
  private static final String BASE = "https://spec.kling-java.test/";
  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(
      SpecVersion.VersionFlag.V4, builder -> builder
          .metaSchema(OpenApi30.getInstance())
          .defaultMetaSchemaIri(OpenApi30.getInstance().getIri())
          .schemaMappers(m -> m.mapPrefix(BASE, "classpath:io/github/klingjava/openapi/")));
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final JsonAdapter<Object> MOSHI = KlingMoshi.create().adapter(Object.class);
  private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
  private static final SpecArbitraries SPEC = SpecArbitraries.embedded();
  private static final RequestValidator OURS = RequestValidator.create();

  @Test
  void bothValidatorsAgree() {
    long seed = Long.getLong("kling.differential.seed", System.nanoTime());
    DifferentialRun.Report report = DifferentialRun.run(seed, CASES, SPEC,
        ValidatorDifferentialTest::networknt, ValidatorDifferentialTest::client);
    System.out.println("ValidatorDifferentialTest: " + report.summary());
    if (report.disagreement() != null) {
      throw new AssertionError(describe(report));
    }
    assertEquals(CASES, report.cases());
    report.verdicts().forEach((schema, counts) -> assertTrue(counts[0] > 0 && counts[1] > 0,
        "the generator made both valid and invalid " + schema + "s: " + report.summary()));
  }

  @Test
  void theRequestSchemasAreTheSpecsRequestBodies() {
    assertTrue(SPEC.requestSchemas().containsAll(List.of(RequestValidator.IMAGE_GENERATION,
        RequestValidator.MULTI_IMAGE, RequestValidator.IMAGE_EXPANSION,
        RequestValidator.IMAGE_TO_VIDEO)), SPEC.requestSchemas().toString());
  }

  /** The property can fail: a client that forgot maxLength is caught and shrunk to one string. */
  @Test
  void aValidatorThatIgnoresMaxLengthIsCaughtWithASmallCounterexample() {
    DifferentialRun.Judge forgetful = (schema, tree) -> client(schema, tree, "maxLength");
    DifferentialRun.Report report = DifferentialRun.run(20261201L, CASES, SPEC,
        ValidatorDifferentialTest::networknt, forgetful);

    DifferentialRun.Disagreement found = report.disagreement();
    assertNotNull(found, "the forgetful validator went unnoticed: " + report.summary());
    String message = describe(report);
    System.out.println("ValidatorDifferentialTest, forgetful validator caught as expected: "
        + message.substring(0, Math.min(message.length(), 3000)));
    assertTrue(message.contains("-Dkling.differential.seed=20261201"), message);
    assertEquals(List.of(), found.candidate(), message);
    assertEquals(List.of("maxLength"), found.reference().stream()
        .map(f -> f.substring(0, f.indexOf(':'))).collect(Collectors.toList()), message);
    // Smallest: the required properties, plus at most the one place of the over-long string...
    Map<?, ?> smallest = (Map<?, ?>) found.smallest();
    long extra = smallest.keySet().stream()
        .filter(k -> !SPEC.required(found.schema()).contains(k)).count();
    assertTrue(extra <= 1, message);
    // ...and that string is exactly one character too long: one less and both say valid.
    Object oneShorter = shortenLongest(smallest);
    assertEquals(List.of(), networknt(found.schema(), oneShorter), message);
    assertTrue(found.shrinkSteps() < DifferentialRun.SHRINK_BUDGET, message);
  }

  @Test
  void theSameSeedGivesTheSameRequests() {
    java.util.SplittableRandom first = new java.util.SplittableRandom(7);
    java.util.SplittableRandom second = new java.util.SplittableRandom(7);
    for (String schema : SPEC.requestSchemas()) {
      assertEquals(MOSHI.toJson(SPEC.request(schema, first)),
          MOSHI.toJson(SPEC.request(schema, second)));
    }
  }

  private static String describe(DifferentialRun.Report report) {
    DifferentialRun.Disagreement d = report.disagreement();
    return "The validators disagree on this " + d.schema() + " (case " + d.caseNumber() + " of "
        + CASES + ", seed " + report.seed() + "; rerun with -Dkling.differential.seed="
        + report.seed() + "), shrunk in " + d.shrinkSteps() + " steps:\n  "
        + MOSHI.toJson(d.smallest()) + "\n  networknt: " + d.reference()
        + "\n  client:    " + d.candidate() + "\n  as generated: " + MOSHI.toJson(d.generated());
  }

  /** The tree with its longest string, wherever it is, one character shorter. */
  private static Object shortenLongest(Object tree) {
    String longest = longest(tree);
    assertNotNull(longest, "no string in " + tree);
    return replace(tree, longest, longest.substring(0, longest.length() - 1));
  }

  private static String longest(Object tree) {
    java.util.stream.Stream<Object> children = tree instanceof Map
        ? ((Map<?, ?>) tree).values().stream().map(v -> (Object) v)
        : tree instanceof List ? ((List<?>) tree).stream().map(v -> (Object) v) : null;
    if (children == null) {
      return tree instanceof String ? (String) tree : null;
    }
    return children.map(ValidatorDifferentialTest::longest).filter(java.util.Objects::nonNull)
        .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
  }

  private static Object replace(Object tree, String from, String to) {
    if (tree instanceof Map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      ((Map<?, ?>) tree).forEach((k, v) -> copy.put(k, replace(v, from, to)));
      return copy;
    }
    if (tree instanceof List) {
      return ((List<?>) tree).stream().map(v -> replace(v, from, to))
          .collect(Collectors.toList());
    }
    return from.equals(tree) ? to : tree;
  }

  /** The independent verdict: networknt's findings as {@code type: message}. */
  static List<String> networknt(String schema, Object tree) {
    try {
      return independent(schema).validate(JACKSON.readTree(MOSHI.toJson(tree))).stream()
          .map((ValidationMessage m) -> m.getType() + ": " + m.getMessage()).sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The client's verdict, less the rules no JSON Schema validator knows. */
  static List<String> client(String schema, Object tree) {
    return client(schema, tree, "format");
  }

  /** The client's verdict less those rules and one more, to play a client with a bug. */
  private static List<String> client(String schema, Object tree, String ignoredRule) {
    return OURS.check(schema, tree, null).stream()
        .filter(v -> !SPEC.customRuleIds().contains(v.rule()) && !v.rule().equals("format")
            && !v.rule().equals(ignoredRule))
        .map(v -> v.message()).collect(Collectors.toList());
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
