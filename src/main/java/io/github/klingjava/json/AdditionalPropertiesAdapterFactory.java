package io.github.klingjava.json;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Moshi support for {@link AdditionalProperties}: one pass over a model's JSON object that binds the
 * declared fields (as Moshi's own class adapter does: {@code @Json} names, qualifiers, written in name
 * order, nulls left out) and keeps every undeclared property in the same pass (numbers with their exact
 * text); writing appends the caller's additional properties after the declared ones. Reading the object
 * once matters: an answer nests four models (envelope, task, result, image), and reading each one's bytes
 * twice cost more than the rest of the parse. A strict reader ({@code failOnUnknown}) is left to Moshi's
 * class adapter, which then fails on the unknown name; so is a model this binding cannot build (no no-arg
 * constructor, type variables), which then keeps its declared fields only.
 */
final class AdditionalPropertiesAdapterFactory implements JsonAdapter.Factory {

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    Class<?> raw = Types.getRawType(type);
    if (!annotations.isEmpty() || !AdditionalProperties.class.isAssignableFrom(raw)
        || raw.isInterface() || Modifier.isAbstract(raw.getModifiers())) {
      return null;
    }
    JsonAdapter<Object> delegate = moshi.nextAdapter(this, type, annotations);
    Constructor<?> constructor = type instanceof Class ? noArgs(raw) : null;
    Binding[] fields = constructor == null ? null : bindings(moshi, raw);
    if (fields == null) {
      return delegate;
    }
    return new SinglePass(delegate, constructor, fields, moshi.adapter(Object.class)).nullSafe();
  }

  private static Constructor<?> noArgs(Class<?> raw) {
    try {
      Constructor<?> constructor = raw.getDeclaredConstructor();
      constructor.setAccessible(true);
      return constructor;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }

  /** The declared fields in JSON-name order, as Moshi's class adapter binds them; null for a type variable. */
  private static Binding[] bindings(Moshi moshi, Class<?> raw) {
    Map<String, Binding> byName = new TreeMap<>();
    for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
      boolean platform = c.getName().startsWith("java.") || c.getName().startsWith("javax.");
      for (Field f : c.getDeclaredFields()) {
        int modifiers = f.getModifiers();
        Json json = f.getAnnotation(Json.class);
        if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
            || platform && !Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)
            || json != null && json.ignore()) {
          continue;
        }
        if (f.getGenericType() instanceof TypeVariable) {
          return null; // Moshi's class adapter resolves it against the type
        }
        String name = json == null || Json.UNSET_NAME.equals(json.name()) ? f.getName() : json.name();
        f.setAccessible(true);
        JsonAdapter<Object> adapter = moshi.adapter(f.getGenericType(),
            Types.getFieldJsonQualifierAnnotations(c, f.getName()), f.getName());
        Binding replaced = byName.put(name, new Binding(name, f, adapter));
        if (replaced != null) {
          throw new IllegalArgumentException("Conflicting fields:\n    " + replaced.field + "\n    " + f);
        }
      }
    }
    return byName.values().toArray(new Binding[0]);
  }

  private static final class Binding {
    final String name;
    final Field field;
    final JsonAdapter<Object> adapter;

    Binding(String name, Field field, JsonAdapter<Object> adapter) {
      this.name = name;
      this.field = field;
      this.adapter = adapter;
    }
  }

  private static final class SinglePass extends JsonAdapter<Object> {
    private final JsonAdapter<Object> delegate;
    private final Constructor<?> constructor;
    private final Binding[] fields;
    private final JsonReader.Options names;
    private final Set<String> declared;
    private final JsonAdapter<Object> values;

    SinglePass(JsonAdapter<Object> delegate, Constructor<?> constructor, Binding[] fields,
        JsonAdapter<Object> values) {
      this.delegate = delegate;
      this.constructor = constructor;
      this.fields = fields;
      String[] all = new String[fields.length];
      for (int i = 0; i < fields.length; i++) {
        all[i] = fields[i].name;
      }
      this.names = JsonReader.Options.of(all);
      this.declared = Set.of(all);
      this.values = values;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      if (reader.failOnUnknown() || reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return delegate.fromJson(reader); // strict mode, or a wrong type Moshi reports itself
      }
      Object value = newInstance();
      AdditionalProperties extensible = (AdditionalProperties) value;
      try {
        reader.beginObject();
        while (reader.hasNext()) {
          int index = reader.selectName(names);
          if (index >= 0) {
            fields[index].field.set(value, fields[index].adapter.fromJson(reader));
          } else {
            extensible.putAdditionalProperty(reader.nextName(), JsonTrees.readExact(reader));
          }
        }
        reader.endObject();
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      return value;
    }

    private Object newInstance() {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw cause instanceof RuntimeException ? (RuntimeException) cause : new IllegalStateException(cause);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + constructor.getDeclaringClass(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      writer.beginObject();
      try {
        for (Binding f : fields) {
          writer.name(f.name);
          f.adapter.toJson(writer, f.field.get(value));
        }
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      Map<String, Object> extra = ((AdditionalProperties) value).getAdditionalProperties();
      if (!extra.isEmpty()) {
        boolean serializeNulls = writer.getSerializeNulls();
        writer.setSerializeNulls(true); // an additional null is the caller's explicit choice
        try {
          for (Map.Entry<String, Object> e : extra.entrySet()) {
            if (!declared.contains(e.getKey())) {
              writer.name(e.getKey());
              values.toJson(writer, e.getValue());
            }
          }
        } finally {
          writer.setSerializeNulls(serializeNulls);
        }
      }
      writer.endObject();
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + constructor.getDeclaringClass().getName() + ", additional properties)";
    }
  }
}
