package io.github.klingjava.paging;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.klingjava.json.JsonTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import okio.Buffer;

/**
 * A copy of a request model with some body properties set (the cursor and page size of a list that pages in
 * its body, {@code in: body}); the caller's object is left as it was. Goes through the model's JSON, so
 * additional properties the caller set are kept.
 */
public final class RequestBodies {
  private RequestBodies() {
  }

  /**
   * @param request a generated request model (null: a body of only {@code properties})
   * @param type its class
   * @param properties wire names and values to set (a null value removes the property)
   */
  @SuppressWarnings("unchecked")
  public static <R> R withProperties(Moshi moshi, R request, Class<R> type, Map<String, Object> properties) {
    JsonAdapter<R> adapter = moshi.adapter(type);
    try {
      Map<String, Object> tree = new LinkedHashMap<>();
      if (request != null) {
        Object read = JsonTrees.readExact(JsonReader.of(new Buffer().writeUtf8(adapter.toJson(request))));
        tree.putAll((Map<String, Object>) read);
      }
      properties.forEach((name, value) -> {
        if (value == null) {
          tree.remove(name);
        } else {
          tree.put(name, value);
        }
      });
      Buffer buffer = new Buffer();
      JsonPointers.write(JsonWriter.of(buffer), tree);
      return adapter.fromJson(buffer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
