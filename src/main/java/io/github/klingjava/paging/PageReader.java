package io.github.klingjava.paging;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.github.klingjava.error.PagingException;
import io.github.klingjava.json.JsonTrees;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * Reads one page from an answer's body with the spec's JSON pointers: the items (as the generated item
 * model, or as JSON trees for {@code Object}), the next cursor and the "more pages" flag. Numbers keep their
 * exact text; unknown item fields are kept by the model's additional properties, as on any answer.
 *
 * @param <T> the item type
 */
public final class PageReader<T> {
  private final SpecPaging paging;
  private final Class<T> itemType;
  private final JsonAdapter<T> adapter;
  private final String operation;

  private PageReader(SpecPaging paging, Class<T> itemType, Moshi moshi, String operation) {
    this.paging = paging;
    this.itemType = itemType;
    this.adapter = itemType == Object.class ? null : moshi.adapter(itemType);
    this.operation = operation;
  }

  /**
   * @param itemType must be the spec's item type ({@link SpecPaging#itemType()}) or {@code Object.class}
   * @param operation names the list in exception messages
   */
  public static <T> PageReader<T> create(SpecPaging paging, Class<T> itemType, Moshi moshi, String operation) {
    if (itemType != Object.class && itemType != paging.itemType()) {
      throw new IllegalArgumentException(operation + ": the spec's items are " + paging.itemType().getName()
          + ", not " + itemType.getName());
    }
    return new PageReader<>(paging, itemType, moshi, operation);
  }

  /** The page in {@code rawBody}, an answer that already passed the client's checks. */
  public Page<T> read(String rawBody) {
    Object tree = tree(rawBody);
    Object items = JsonPointers.find(tree, paging.itemsPointer());
    if (!(items instanceof List<?> array)) {
      throw malformed(rawBody, "the items at " + paging.itemsPointer() + " are not an array");
    }
    List<T> out = new ArrayList<>(array.size());
    for (Object item : array) {
      out.add(item(item, rawBody));
    }
    if (paging.style() == SpecPaging.Style.PAGE) {
      return Page.of(out, rawBody);
    }
    return Page.ofCursor(out, cursor(tree, rawBody), hasMore(tree, rawBody), rawBody);
  }

  private String cursor(Object tree, String rawBody) {
    Object next = JsonPointers.find(tree, paging.nextPointer().orElseThrow());
    if (next == JsonPointers.ABSENT || next == null || next instanceof String) {
      return next == JsonPointers.ABSENT ? null : (String) next;
    }
    throw malformed(rawBody, "the next cursor at " + paging.nextPointer().get() + " is not a string");
  }

  private Boolean hasMore(Object tree, String rawBody) {
    if (paging.hasMorePointer().isEmpty()) {
      return null;
    }
    Object flag = JsonPointers.find(tree, paging.hasMorePointer().get());
    if (flag == JsonPointers.ABSENT || flag == null || flag instanceof Boolean) {
      return flag instanceof Boolean value ? value : null;
    }
    throw malformed(rawBody, "the flag at " + paging.hasMorePointer().get() + " is not a boolean");
  }

  @SuppressWarnings("unchecked")
  private T item(Object node, String rawBody) {
    if (adapter == null) {
      return (T) node;
    }
    try {
      Buffer buffer = new Buffer();
      JsonPointers.write(JsonWriter.of(buffer), node);
      T value = adapter.fromJson(buffer);
      if (value == null) {
        throw malformed(rawBody, "an item at " + paging.itemsPointer() + " is null");
      }
      return value;
    } catch (IOException | RuntimeException e) {
      if (e instanceof PagingException known) {
        throw known;
      }
      throw malformed(rawBody, "an item at " + paging.itemsPointer() + " is not a " + itemType.getSimpleName()
          + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Object tree(String rawBody) {
    try {
      return JsonTrees.readExact(JsonReader.of(new Buffer().writeUtf8(rawBody)));
    } catch (IOException | RuntimeException e) {
      throw malformed(rawBody, "the answer is not JSON");
    }
  }

  private PagingException malformed(String rawBody, String problem) {
    return new PagingException(PagingException.Reason.MALFORMED_PAGE, 0, null, rawBody, operation + ": " + problem);
  }
}
