package io.github.klingjava.vendor;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Applies a vendor's documented wire quirks to submit bodies: top-level property renames (CometAPI's
 * {@code bottom_expansion_ratio}) and values a vendor requires although the spec makes them optional
 * (AnyAPI's {@code n}). The body is rewritten token by token so numbers keep their exact JSON text.
 */
public final class VendorWireInterceptor implements Interceptor {
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private final VendorProfile profile;

  private VendorWireInterceptor(VendorProfile profile) {
    this.profile = profile;
  }

  public static VendorWireInterceptor create(VendorProfile profile) {
    return new VendorWireInterceptor(profile);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    TaskFamily family = submitFamily(request);
    if (family == null) {
      return chain.proceed(request);
    }
    Map<String, String> renames = profile.wireRenames(family);
    Map<String, Object> defaults = profile.wireDefaults(family);
    if (renames.isEmpty() && defaults.isEmpty()) {
      return chain.proceed(request);
    }
    Buffer original = new Buffer();
    request.body().writeTo(original);
    Buffer rewritten = rewrite(original, renames, defaults);
    return chain.proceed(request.newBuilder().post(RequestBody.create(rewritten.readByteString(), JSON)).build());
  }

  private TaskFamily submitFamily(Request request) {
    if (!"POST".equals(request.method()) || request.body() == null) {
      return null;
    }
    String base = profile.baseUrl().encodedPath();
    String path = request.url().encodedPath();
    if (!path.startsWith(base)) {
      return null;
    }
    TaskFamily family = TaskFamily.ofPath(path.substring(base.length()));
    return family != null && path.substring(base.length()).equals(family.route()) ? family : null;
  }

  static Buffer rewrite(Buffer json, Map<String, String> renames, Map<String, Object> defaults) throws IOException {
    Buffer out = new Buffer();
    try (JsonReader reader = JsonReader.of(json); JsonWriter writer = JsonWriter.of(out)) {
      // Keep explicit nulls: the body must differ from the caller's only by the vendor's quirks.
      writer.setSerializeNulls(true);
      Set<String> seen = new HashSet<>();
      reader.beginObject();
      writer.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        seen.add(name);
        writer.name(renames.getOrDefault(name, name));
        copyValue(reader, writer);
      }
      for (Map.Entry<String, Object> d : defaults.entrySet()) {
        if (!seen.contains(d.getKey())) {
          writer.name(renames.getOrDefault(d.getKey(), d.getKey())).jsonValue(d.getValue());
        }
      }
      reader.endObject();
      writer.endObject();
    }
    return out;
  }

  private static void copyValue(JsonReader reader, JsonWriter writer) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT -> {
        reader.beginObject();
        writer.beginObject();
        while (reader.hasNext()) {
          writer.name(reader.nextName());
          copyValue(reader, writer);
        }
        reader.endObject();
        writer.endObject();
      }
      case BEGIN_ARRAY -> {
        reader.beginArray();
        writer.beginArray();
        while (reader.hasNext()) {
          copyValue(reader, writer);
        }
        reader.endArray();
        writer.endArray();
      }
      case STRING -> writer.value(reader.nextString());
      case NUMBER -> writer.value(new BigDecimal(reader.nextString()));
      case BOOLEAN -> writer.value(reader.nextBoolean());
      case NULL -> {
        reader.nextNull();
        writer.nullValue();
      }
      default -> throw new IOException("unexpected JSON token " + reader.peek() + " at " + reader.getPath());
    }
  }
}
