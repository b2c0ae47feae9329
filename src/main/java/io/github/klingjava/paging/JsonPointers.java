package io.github.klingjava.paging;

import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** JSON pointers (RFC 6901) into the plain trees of {@code JsonTrees.readExact}, and writing trees back. */
final class JsonPointers {
  /** Marks "nothing at this pointer", apart from an explicit JSON null. */
  static final Object ABSENT = new Object();

  private JsonPointers() {
  }

  static Object find(Object tree, String pointer) {
    Object node = tree;
    for (String raw : pointer.substring(1).split("/", -1)) {
      String token = raw.replace("~1", "/").replace("~0", "~");
      if (node instanceof Map<?, ?> object && object.containsKey(token)) {
        node = object.get(token);
      } else if (node instanceof List<?> array && token.matches("0|[1-9][0-9]{0,8}")
          && Integer.parseInt(token) < array.size()) {
        node = array.get(Integer.parseInt(token));
      } else {
        return ABSENT;
      }
    }
    return node;
  }

  static void write(JsonWriter writer, Object node) throws IOException {
    if (node instanceof Map<?, ?> object) {
      writer.beginObject();
      for (Map.Entry<?, ?> entry : object.entrySet()) {
        writer.name(String.valueOf(entry.getKey()));
        write(writer, entry.getValue());
      }
      writer.endObject();
    } else if (node instanceof List<?> array) {
      writer.beginArray();
      for (Object item : array) {
        write(writer, item);
      }
      writer.endArray();
    } else if (node instanceof BigDecimal number) {
      writer.value(number);
    } else if (node instanceof Number number) {
      writer.value(number);
    } else if (node instanceof Boolean flag) {
      writer.value(flag);
    } else if (node == null) {
      writer.nullValue();
    } else {
      writer.value(node.toString());
    }
  }
}
