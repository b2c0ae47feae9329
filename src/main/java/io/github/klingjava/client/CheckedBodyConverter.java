package io.github.klingjava.client;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.klingjava.image.StreamedJsonBody;
import io.github.klingjava.validation.RequestValidator;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.Buffer;
import okio.ByteString;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Writes a submit body once, checks those very bytes against the spec (when validating), and sends
 * them: the one serialisation of a request. Image-file tokens become a streamed body. Bodies of
 * other types are left to the next converter.
 */
final class CheckedBodyConverter extends Converter.Factory {
  private static final MediaType JSON = MediaType.get("application/json; charset=UTF-8");
  private static final long SMALL = 8192;

  private final Moshi moshi;
  private final RequestValidator validator;
  private final String vendorId;

  /** @param validator null to send without checking (the null check stays in the caller) */
  CheckedBodyConverter(Moshi moshi, RequestValidator validator, String vendorId) {
    this.moshi = moshi;
    this.validator = validator;
    this.vendorId = vendorId;
  }

  @Override
  public Converter<?, RequestBody> requestBodyConverter(Type type, Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations, Retrofit retrofit) {
    if (!(type instanceof Class) || !((Class<?>) type).getName().startsWith(
        "io.github.klingjava.generated.model.")) {
      return null;
    }
    String schema = ((Class<?>) type).getSimpleName();
    JsonAdapter<Object> adapter = moshi.adapter(type);
    boolean check = validator != null && validator.hasSchema(schema);
    return value -> body(adapter, check ? schema : null, value);
  }

  private RequestBody body(JsonAdapter<Object> adapter, String schema, Object value)
      throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      adapter.toJson(writer, value);
    }
    if (buffer.size() > SMALL) { // a big body (an inline image): send its segments as they are, copy nothing
      ByteString json = buffer.snapshot();
      if (schema != null) {
        validator.validateJson(schema, buffer, vendorId, value);
      }
      return StreamedJsonBody.of(JSON, json);
    }
    // A small body is read out first and checked from a copy: a buffer whose segments were shared
    // (snapshot, copy) could not return them to okio's pool, and every call would allocate a new 8 KiB one.
    ByteString json = buffer.readByteString();
    if (schema != null) {
      validator.validateJson(schema, json, vendorId, value);
    }
    return StreamedJsonBody.of(JSON, json);
  }
}
