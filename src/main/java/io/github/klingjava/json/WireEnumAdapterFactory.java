package io.github.klingjava.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Set;

/**
 * Moshi support for every concrete class implementing {@link WireEnum}: reads a JSON string (or a
 * number, which Moshi hands over as its text) through the class's {@code public static of(String)}
 * and writes {@link WireEnum#value()}. Unknown values therefore never fail; {@code of} keeps them.
 */
public final class WireEnumAdapterFactory implements JsonAdapter.Factory {

  // The reflective look-up happens once per class, whatever the number of Moshi instances.
  private static final ClassValue<Method> OF_METHODS = new ClassValue<>() {
    @Override
    protected Method computeValue(Class<?> type) {
      return findOf(type);
    }
  };

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    Class<?> raw = Types.getRawType(type);
    if (!WireEnum.class.isAssignableFrom(raw)
        || raw.isInterface()
        || Modifier.isAbstract(raw.getModifiers())) {
      return null;
    }
    return new Adapter(raw, OF_METHODS.get(raw)).nullSafe();
  }

  private static Method findOf(Class<?> type) {
    try {
      Method of = type.getMethod("of", String.class);
      of.trySetAccessible(); // a public method of a non-public class (e.g. in tests)
      if (!Modifier.isStatic(of.getModifiers()) || !type.isAssignableFrom(of.getReturnType())) {
        throw new IllegalArgumentException(type.getName() + ".of(String) must be static and return "
            + type.getSimpleName());
      }
      return of;
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(
          type.getName() + " implements WireEnum but has no public static of(String)", e);
    }
  }

  private static final class Adapter extends JsonAdapter<WireEnum> {
    private final Class<?> type;
    private final Method of;

    Adapter(Class<?> type, Method of) {
      this.type = type;
      this.of = of;
    }

    @Override
    public WireEnum fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath(); // before reading: afterwards it points past the value
      String wire = reader.nextString();
      try {
        return (WireEnum) of.invoke(null, wire);
      } catch (InvocationTargetException e) {
        // Reported like any other bad value, with the JSON path, so callers see one exception type.
        throw new JsonDataException(type.getSimpleName() + ".of(\"" + wire + "\") failed at "
            + path, e.getCause());
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot call " + of, e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, WireEnum value) throws IOException {
      writer.value(value.value());
    }

    @Override
    public String toString() {
      return "WireEnumAdapter(" + type.getName() + ")";
    }
  }
}
