package io.github.klingjava.validation;

import com.squareup.moshi.Json;
import io.github.klingjava.json.AdditionalProperties;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Properties a caller added on purpose with {@link AdditionalProperties#putAdditionalProperty}: a
 * field newer than the spec, sent verbatim. They are not judged by the spec (which cannot know
 * them, and whose {@code additionalProperties: false} guards against typos in declared models), so
 * they are taken out of the tree before validation, at any depth: on the request and on every
 * nested model (a camera config, a list item) the caller filled. A name the schema declares is
 * always validated.
 *
 * <p>Only the interpreter's path (a request the compiled plan did not pass) walks the models, so
 * the reflection here costs nothing on a valid request without extensions.
 */
final class CallerExtensions {

  /** The JSON-named fields of each generated model class, read once. */
  private static final ClassValue<List<Field>> JSON_FIELDS = new ClassValue<>() {
    @Override
    protected List<Field> computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.isAnnotationPresent(Json.class) && !Modifier.isStatic(f.getModifiers())
              && f.trySetAccessible()) {
            fields.add(f);
          }
        }
      }
      return List.copyOf(fields);
    }
  };

  private static final int MAX_DEPTH = 32;

  private CallerExtensions() {
  }

  /**
   * @param request the request as given by the caller
   * @param tree the request as a JSON tree (changed in place)
   * @param schema the request's schema
   * @param resolve follows a property schema's {@code $ref}s (null for anything but a schema)
   */
  static void exempt(Object request, Object tree, Map<String, Object> schema,
      Function<Object, Map<String, Object>> resolve) {
    exempt(request, tree, schema, resolve, 0);
  }

  private static void exempt(Object model, Object tree, Map<String, Object> schema,
      Function<Object, Map<String, Object>> resolve, int depth) {
    if (!(model instanceof AdditionalProperties) || !(tree instanceof Map) || schema == null
        || depth > MAX_DEPTH) {
      return;
    }
    Map<?, ?> declared = declared(schema);
    for (String name : ((AdditionalProperties) model).getAdditionalProperties().keySet()) {
      if (!declared.containsKey(name)) {
        ((Map<?, ?>) tree).remove(name);
      }
    }
    for (Field field : JSON_FIELDS.get(model.getClass())) {
      String name = field.getAnnotation(Json.class).name();
      Map<String, Object> child = resolve.apply(declared.get(name));
      if (child != null) {
        descend(read(field, model), ((Map<?, ?>) tree).get(name), child, resolve, depth + 1);
      }
    }
  }

  private static void descend(Object value, Object tree, Map<String, Object> schema,
      Function<Object, Map<String, Object>> resolve, int depth) {
    if (value instanceof List && tree instanceof List) {
      List<?> values = (List<?>) value;
      List<?> items = (List<?>) tree;
      Map<String, Object> itemSchema = resolve.apply(schema.get("items"));
      for (int i = 0; i < Math.min(values.size(), items.size()) && itemSchema != null; i++) {
        exempt(values.get(i), items.get(i), itemSchema, resolve, depth);
      }
    } else {
      exempt(value, tree, schema, resolve, depth);
    }
  }

  private static Map<?, ?> declared(Map<String, Object> schema) {
    Object properties = schema.get("properties");
    return properties instanceof Map ? (Map<?, ?>) properties : Map.of();
  }

  private static Object read(Field field, Object model) {
    try {
      return field.get(model);
    } catch (IllegalAccessException e) {
      return null; // not readable: its extensions, if any, are judged by the spec
    }
  }
}
