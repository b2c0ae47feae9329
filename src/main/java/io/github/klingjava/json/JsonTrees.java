package io.github.klingjava.json;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain trees whose numbers keep their exact text: the one reader behind the additional
 * properties a model keeps and the trees the request validator judges (a limit such as 0.8 must not
 * meet 0.7999999).
 */
public final class JsonTrees {

  private JsonTrees() {
  }

  /**
   * @param reader positioned at a value
   * @return the value as Map/List/String/Boolean/null, numbers as exact {@link BigDecimal}s
   * @throws IOException when the JSON is malformed
   */
  public static Object readExact(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), readExact(reader));
        }
        reader.endObject();
        return object;
      }
      case BEGIN_ARRAY: {
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(readExact(reader));
        }
        reader.endArray();
        return array;
      }
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException("Unexpected " + reader.peek() + " at " + reader.getPath());
    }
  }
}
