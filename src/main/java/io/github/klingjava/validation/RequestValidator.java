package io.github.klingjava.validation;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.github.klingjava.json.KlingMoshi;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okio.Buffer;
import okio.ByteString;

/**
 * Checks a request before it leaves the process, with the constraints of the spec embedded in the
 * jar ({@code io/github/klingjava/openapi/kling-api.json}): the same schemas a Prism mock validates
 * with, plus the spec's cross-field rules ({@code x-rule}, {@code x-kling-rules}) and, for one
 * vendor, the tighter limits it documents ({@code x-vendor-constraints}).
 *
 * <p>The request is judged as the JSON the client sends (written with
 * {@link KlingMoshi#create()}: snake_case names, null fields left out), so a generated model and a
 * hand-built {@code Map} are judged alike; the client itself checks the very bytes it then sends
 * ({@link #checkJson}). The spec's rules are compiled once per schema and vendor into a plan that
 * streams over those bytes; only a request the plan cannot pass is read into a tree and every
 * violation collected (none stops the others from being found).
 *
 * <pre>{@code
 * RequestValidator validator = RequestValidator.create();
 * validator.validate(RequestValidator.IMAGE_GENERATION, request, "cometapi"); // throws if invalid
 * List<Violation> problems = validator.check("ImageToVideoRequest", Map.of("image", url), null);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the spec is read once per class loader.
 */
public final class RequestValidator {

  /** Schema name of {@code POST /v1/images/generations}. */
  public static final String IMAGE_GENERATION = "ImageGenerationRequest";
  /** Schema name of {@code POST /v1/images/multi-image2image}. */
  public static final String MULTI_IMAGE = "MultiImageRequest";
  /** Schema name of {@code POST /v1/images/editing/expand}. */
  public static final String IMAGE_EXPANSION = "ImageExpansionRequest";
  /** Schema name of {@code POST /v1/videos/image2video}. */
  public static final String IMAGE_TO_VIDEO = "ImageToVideoRequest";

  private final SchemaValidator schemas;
  private final JsonAdapter<Object> json;
  private final Set<String> present = ConcurrentHashMap.newKeySet(); // schema names found in the spec

  private RequestValidator(SchemaValidator schemas) {
    this.schemas = schemas;
    this.json = KlingMoshi.create().adapter(Object.class);
  }

  /**
   * Returns a validator over the embedded spec (loaded on first use and shared).
   *
   * @return the validator
   * @throws IllegalStateException when the embedded spec is missing, or declares an
   *     {@code x-kling-rules} id this client does not implement
   */
  public static RequestValidator create() {
    return new RequestValidator(SchemaValidator.embedded());
  }

  /**
   * Validates a request and throws when it breaks any rule.
   *
   * @param schemaName the request's schema in the spec, e.g. {@link #IMAGE_GENERATION}
   * @param request a generated model, a {@code Map} of wire names, or any value Moshi can write
   * @param vendorId the vendor the request goes to (e.g. {@code "cometapi"}), whose documented
   *     tighter limits then apply as well; null or a vendor without such limits for none
   * @throws KlingValidationException with every violation, when there is at least one
   * @throws IllegalArgumentException when the spec has no schema of that name
   */
  public void validate(String schemaName, Object request, String vendorId) {
    throwIfAny(schemaName, vendorId, check(schemaName, request, vendorId));
  }

  /**
   * Same as {@code validate(schemaName, request, null)}: no vendor limits.
   *
   * @param schemaName the request's schema in the spec
   * @param request the request
   * @throws KlingValidationException with every violation
   */
  public void validate(String schemaName, Object request) {
    validate(schemaName, request, null);
  }

  /**
   * Validates a request and returns what is wrong with it.
   *
   * @param schemaName the request's schema in the spec, e.g. {@link #IMAGE_TO_VIDEO}
   * @param request a generated model, a {@code Map} of wire names, or any value Moshi can write
   * @param vendorId the vendor whose documented limits apply too, or null
   * @return every violation in the order found; empty when the request is valid
   * @throws IllegalArgumentException when the spec has no schema of that name
   */
  public List<Violation> check(String schemaName, Object request, String vendorId) {
    requireSchema(schemaName);
    Buffer sent = new Buffer();
    try {
      if (request == null) {
        sent.writeUtf8("null");
      } else {
        try (JsonWriter writer = JsonWriter.of(sent)) {
          json.toJson(writer, request);
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of(Violation.of("$", null, "json",
          "the request cannot be written as JSON: " + e.getMessage()));
    }
    return checkJson(schemaName, sent, vendorId, request);
  }

  /**
   * Checks JSON exactly as it will be sent: first by the schema's compiled
   * plan, which streams over the bytes and allocates next to nothing; only when that is not sure
   * the request is valid is the JSON read into a tree and every violation worked out.
   *
   * @param schemaName the request's schema
   * @param json the serialised request
   * @param vendorId the vendor whose limits apply too, or null
   * @return every violation; empty when valid
   */
  public List<Violation> checkJson(String schemaName, ByteString json, String vendorId) {
    return checkJson(schemaName, json, vendorId, null);
  }

  /**
   * Checks JSON written from {@code request}: properties the caller added on purpose
   * ({@code putAdditionalProperty}) are not judged by the spec.
   *
   * @param schemaName a request schema
   * @param json the JSON as it will be sent
   * @param vendorId the vendor, or null
   * @param request the model the JSON was written from, or null
   * @return every violation, empty when valid
   */
  public List<Violation> checkJson(String schemaName, ByteString json, String vendorId,
      Object request) {
    requireSchema(schemaName);
    if (accepts(schemaName, new Buffer().write(json), vendorId)) {
      return List.of();
    }
    return interpret(schemaName, new Buffer().write(json), vendorId, request);
  }

  /**
   * Like {@link #checkJson(String, ByteString, String)} for JSON in a buffer, which it consumes
   * (for big bodies: a {@code copy()} of the buffer sent shares its bytes instead of copying them).
   *
   * @param schemaName the request's schema
   * @param json the serialised request (read by the check)
   * @param vendorId the vendor whose limits apply too, or null
   * @return every violation; empty when valid
   */
  public List<Violation> checkJson(String schemaName, Buffer json, String vendorId) {
    return checkJson(schemaName, json, vendorId, null);
  }

  /**
   * Checks JSON written from {@code request}: properties the caller added on purpose
   * ({@code putAdditionalProperty}) are not judged by the spec.
   *
   * @param schemaName a request schema
   * @param json the JSON as it will be sent (consumed)
   * @param vendorId the vendor, or null
   * @param request the model the JSON was written from, or null
   * @return every violation, empty when valid
   */
  public List<Violation> checkJson(String schemaName, Buffer json, String vendorId, Object request) {
    requireSchema(schemaName);
    Buffer spare = json.copy();
    if (accepts(schemaName, json, vendorId)) {
      return List.of();
    }
    return interpret(schemaName, spare, vendorId, request);
  }

  private boolean accepts(String schemaName, Buffer json, String vendorId) {
    try (JsonReader reader = JsonReader.of(json)) {
      return schemas.accepts(schemaName, vendorId, reader);
    } catch (IOException e) {
      return false; // the tree reader reports it
    }
  }

  private List<Violation> interpret(String schemaName, Buffer json, String vendorId, Object request) {
    Object tree;
    try (JsonReader reader = JsonReader.of(json)) {
      tree = read(reader);
    } catch (IOException | RuntimeException e) {
      return List.of(Violation.of("$", null, "json",
          "the request cannot be read as JSON: " + e.getMessage()));
    }
    CallerExtensions.exempt(request, tree, schemas.schema(schemaName), schemas::resolveDeep);
    return schemas.validate(schemaName, tree, vendorId);
  }

  /**
   * Like {@link #validate(String, Object, String)} for JSON as it will be sent.
   *
   * @param schemaName the request's schema
   * @param json the serialised request
   * @param vendorId the vendor whose limits apply too, or null
   * @throws KlingValidationException with every violation
   */
  public void validateJson(String schemaName, ByteString json, String vendorId) {
    validateJson(schemaName, json, vendorId, null);
  }

  /**
   * Like {@link #validateJson(String, ByteString, String)} for JSON written from {@code request},
   * whose caller-added properties ({@code putAdditionalProperty}) the spec does not judge.
   *
   * @param schemaName the request's schema
   * @param json the serialised request
   * @param vendorId the vendor whose limits apply too, or null
   * @param request the model the JSON was written from, or null
   * @throws KlingValidationException with every violation
   */
  public void validateJson(String schemaName, ByteString json, String vendorId, Object request) {
    throwIfAny(schemaName, vendorId, checkJson(schemaName, json, vendorId, request));
  }

  /**
   * Like {@link #validateJson(String, ByteString, String)} for JSON in a buffer, which it consumes.
   *
   * @param schemaName the request's schema
   * @param json the serialised request (read by the check)
   * @param vendorId the vendor whose limits apply too, or null
   * @throws KlingValidationException with every violation
   */
  public void validateJson(String schemaName, Buffer json, String vendorId) {
    validateJson(schemaName, json, vendorId, null);
  }

  /**
   * Like {@link #validateJson(String, Buffer, String)} for JSON written from {@code request}.
   *
   * @param schemaName the request's schema
   * @param json the serialised request (read by the check)
   * @param vendorId the vendor whose limits apply too, or null
   * @param request the model the JSON was written from, or null
   * @throws KlingValidationException with every violation
   */
  public void validateJson(String schemaName, Buffer json, String vendorId, Object request) {
    throwIfAny(schemaName, vendorId, checkJson(schemaName, json, vendorId, request));
  }

  /**
   * @param schemaName a schema name
   * @return whether the spec has a component schema of that name
   */
  public boolean hasSchema(String schemaName) {
    return schemas.schema(schemaName) != null;
  }

  private void requireSchema(String schemaName) {
    Objects.requireNonNull(schemaName, "schemaName");
    if (present.contains(schemaName)) {
      return; // looked up once: the spec's schema map is a tree searched by name comparisons
    }
    if (schemas.schema(schemaName) == null) {
      throw new IllegalArgumentException("No schema " + schemaName + " in the spec; the request"
          + " schemas are " + IMAGE_GENERATION + ", " + MULTI_IMAGE + ", " + IMAGE_EXPANSION
          + " and " + IMAGE_TO_VIDEO);
    }
    present.add(schemaName);
  }

  private static void throwIfAny(String schemaName, String vendorId, List<Violation> violations) {
    if (!violations.isEmpty()) {
      String subject = SchemaValidator.normalizeVendor(vendorId) == null ? schemaName
          : schemaName + " for " + SchemaValidator.normalizeVendor(vendorId);
      throw new KlingValidationException(subject, violations);
    }
  }

  /**
   * Same as {@code check(schemaName, request, null)}: no vendor limits.
   *
   * @param schemaName the request's schema in the spec
   * @param request the request
   * @return every violation; empty when valid
   */
  public List<Violation> check(String schemaName, Object request) {
    return check(schemaName, request, null);
  }

  /** Reads a JSON value as a tree, every number kept exact as a {@link BigDecimal}. */
  static Object read(JsonReader reader) throws IOException {
    return io.github.klingjava.json.JsonTrees.readExact(reader);
  }
}
