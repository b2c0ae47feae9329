package io.github.klingjava.cli;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.klingjava.image.ImageInputs;
import io.github.klingjava.json.KlingMoshi;
import io.github.klingjava.vendor.TaskFamily;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A submit's request from {@code --body FILE} (a JSON object) and {@code -f} fields, in the spec's wire
 * names: {@code key=text} sets a string, {@code key:=json} a JSON value (number, boolean, array, object),
 * {@code key=@path} a local image (checked and sent as raw Base64). The result is parsed strictly into the
 * family's request model, so an unknown field is refused, never dropped.
 */
final class RequestBody {
  private static final String MODEL_PACKAGE = "io.github.klingjava.generated.model.";
  private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

  private RequestBody() {
  }

  static Object build(TaskFamily family, Path body, List<String> fields) {
    Map<String, Object> json = new LinkedHashMap<>();
    if (body != null) {
      json.putAll(readObject(body));
    }
    for (String field : fields) {
      put(json, field);
    }
    return toModel(family, json);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> readObject(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("--body", file.toString(), "no such file");
    } catch (IOException e) {
      throw new BadInputException("--body", file.toString(), "cannot be read (" + e.getMessage() + ")");
    }
    Object parsed = parse("--body", file.toString(), text);
    if (!(parsed instanceof Map)) {
      throw new BadInputException("--body", file.toString(), "must hold a JSON object");
    }
    return (Map<String, Object>) parsed;
  }

  private static void put(Map<String, Object> json, String field) {
    int raw = field.indexOf(":=");
    int eq = field.indexOf('=');
    if (eq <= 0 || raw == 0) {
      throw new BadInputException("-f", "\"" + field + "\"", "must be key=text, key:=json or key=@image-file");
    }
    if (raw > 0 && raw < eq) {
      String key = field.substring(0, raw);
      json.put(key, parse("-f " + key, field.substring(raw + 2), field.substring(raw + 2)));
      return;
    }
    String key = field.substring(0, eq);
    String value = field.substring(eq + 1);
    json.put(key, value.startsWith("@") ? image(key, Path.of(value.substring(1))) : value);
  }

  private static String image(String key, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException("-f " + key, "@" + file, "no such file");
    }
    try {
      return ImageInputs.fromFile(file);
    } catch (java.io.UncheckedIOException e) {
      throw new BadInputException("-f " + key, "@" + file, "cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static Object parse(String field, String shown, String text) {
    try {
      return JSON.fromJson(text);
    } catch (IOException | JsonDataException e) {
      throw new BadInputException(field, shown, "not valid JSON (" + e.getMessage() + ")");
    }
  }

  private static Object toModel(TaskFamily family, Map<String, Object> json) {
    Class<?> type;
    try {
      type = Class.forName(MODEL_PACKAGE + family.requestSchema());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("no generated model " + family.requestSchema() + " for " + family, e);
    }
    try {
      return KlingMoshi.strict(type).fromJsonValue(json);
    } catch (JsonDataException e) {
      // Moshi names the JSON path: "Cannot skip unexpected NAME at $.promt", "Expected an int ... at $.n".
      throw new BadInputException(family.requestSchema(), null, e.getMessage()
          + " (fields use the spec's wire names; key:=json sends a number or boolean)");
    }
  }
}
