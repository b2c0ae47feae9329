package io.github.klingjava.contract.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.squareup.moshi.JsonDataException;
import io.github.klingjava.json.KlingMoshi;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON to the client's generated models and back, with the client's own Moshi: strict (an unknown
 * field fails, naming its JSON path) for parsing examples and answers, plain for writing.
 */
public final class Models {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Models() {
  }

  /**
   * @param type the model class
   * @param json the JSON text
   * @param <T> the model type
   * @return the model
   * @throws JsonDataException naming the path of an unknown or mistyped field
   */
  public static <T> T strict(Class<T> type, String json) {
    try {
      return KlingMoshi.strict(type).fromJson(json);
    } catch (IOException e) {
      throw new JsonDataException(e.getMessage(), e);
    }
  }

  /**
   * @param type the model class
   * @param json the JSON tree
   * @param <T> the model type
   * @return the model, unknown fields dropped (as the client reads answers)
   */
  public static <T> T lenient(Class<T> type, JsonNode json) {
    try {
      return KlingMoshi.create().adapter(type).fromJson(json.toString());
    } catch (IOException e) {
      throw new JsonDataException(e.getMessage(), e);
    }
  }

  /**
   * @param model a generated model
   * @param <T> its type
   * @return the JSON tree the client writes for it
   */
  @SuppressWarnings("unchecked")
  public static <T> JsonNode write(T model) {
    return tree(KlingMoshi.create().adapter((Class<T>) model.getClass()).toJson(model));
  }

  /**
   * @param json a JSON tree
   * @param type Map.class or List.class
   * @param <T> the type
   * @return plain Java collections, as Moshi's {@code JsonAdapter<Object>} would produce
   */
  public static <T> T plain(JsonNode json, Class<T> type) {
    return JSON.convertValue(json, type);
  }

  /**
   * @param json JSON text
   * @return the tree
   */
  public static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + (json.length() > 200 ? json.substring(0, 200) : json), e);
    }
  }
}
