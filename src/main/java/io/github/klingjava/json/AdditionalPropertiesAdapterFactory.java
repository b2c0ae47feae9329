package io.github.klingjava.json;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;

/**
 * Moshi support for {@link AdditionalProperties}: Moshi's own class adapter reads and writes the
 * declared fields; this wrapper adds what it would drop. Reading keeps every undeclared property
 * (numbers with their exact text); writing appends the caller's additional properties after the
 * declared ones, copying the declared part token for token so floats keep their short form. A
 * strict reader ({@code failOnUnknown}) is left to Moshi, which then fails on the unknown name.
 */
final class AdditionalPropertiesAdapterFactory implements JsonAdapter.Factory {

  private static final ClassValue<Set<String>> DECLARED = new ClassValue<>() {
    @Override
    protected Set<String> computeValue(Class<?> type) {
      Set<String> names = new HashSet<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (Modifier.isStatic(f.getModifiers()) || Modifier.isTransient(f.getModifiers())) {
            continue;
          }
          Json json = f.getAnnotation(Json.class);
          names.add(json == null ? f.getName() : json.name());
        }
      }
      return Set.copyOf(names);
    }
  };

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !AdditionalProperties.class.isAssignableFrom(raw)
        || raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      return null;
    }
    JsonAdapter<Object> delegate = moshi.nextAdapter(this, type, annotations);
    return new Adapter(delegate, moshi.adapter(Object.class), DECLARED.get(raw)).nullSafe();
  }

  private static final class Adapter extends JsonAdapter<Object> {
    private final JsonAdapter<Object> delegate;
    private final JsonAdapter<Object> values;
    private final Set<String> declared;

    Adapter(JsonAdapter<Object> delegate, JsonAdapter<Object> values, Set<String> declared) {
      this.delegate = delegate;
      this.values = values;
      this.declared = declared;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      if (reader.failOnUnknown() || reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return delegate.fromJson(reader); // strict mode, or a wrong type Moshi reports itself
      }
      // The object's bytes once, read twice from pooled buffers: a cloned buffer shares its segments, which
      // then cannot go back to okio's pool, so every nesting level of every answer allocated fresh 8 KiB ones.
      ByteString json;
      try (BufferedSource source = reader.nextSource()) {
        json = source.readByteString();
      }
      JsonReader declaredPart = JsonReader.of(new Buffer().write(json));
      declaredPart.setLenient(reader.isLenient());
      Object value = delegate.fromJson(declaredPart);
      JsonReader all = JsonReader.of(new Buffer().write(json));
      all.beginObject();
      while (all.hasNext()) {
        String name = all.nextName();
        if (declared.contains(name)) {
          all.skipValue();
        } else {
          ((AdditionalProperties) value).putAdditionalProperty(name, JsonTrees.readExact(all));
        }
      }
      return value;
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      Map<String, Object> extra = ((AdditionalProperties) value).getAdditionalProperties();
      if (extra.isEmpty()) {
        delegate.toJson(writer, value);
        return;
      }
      Buffer json = new Buffer();
      JsonWriter declaredPart = JsonWriter.of(json);
      declaredPart.setSerializeNulls(writer.getSerializeNulls());
      delegate.toJson(declaredPart, value);
      declaredPart.flush();
      JsonReader reader = JsonReader.of(json);
      reader.beginObject();
      writer.beginObject();
      Set<String> written = new HashSet<>();
      while (reader.hasNext()) {
        String name = reader.nextName();
        written.add(name);
        writer.name(name);
        try (BufferedSource source = reader.nextSource()) {
          writer.value(source);
        }
      }
      reader.endObject();
      boolean serializeNulls = writer.getSerializeNulls();
      writer.setSerializeNulls(true); // an additional null is the caller's explicit choice
      for (Map.Entry<String, Object> e : extra.entrySet()) {
        if (!written.contains(e.getKey()) && !declared.contains(e.getKey())) {
          writer.name(e.getKey());
          values.toJson(writer, e.getValue());
        }
      }
      writer.setSerializeNulls(serializeNulls);
      writer.endObject();
    }
  }
}
