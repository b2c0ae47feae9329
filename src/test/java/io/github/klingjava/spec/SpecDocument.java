package io.github.klingjava.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The spec as a tree, with JSON-pointer and $ref helpers shared by the spec checks. */
final class SpecDocument {
  static final Path OPENAPI_DIR = Path.of("openapi");
  static final Path SPEC = OPENAPI_DIR.resolve("kling-api.yaml");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode root;

  private SpecDocument(JsonNode root) {
    this.root = root;
  }

  static SpecDocument load() {
    return new SpecDocument(readYaml(SPEC));
  }

  static SpecDocument of(JsonNode root) {
    return new SpecDocument(root);
  }

  static JsonNode readYaml(Path file) {
    try {
      return YAML.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode root() {
    return root;
  }

  /** A deep copy, for tests that break the spec on purpose. */
  ObjectNode mutableCopy() {
    return (ObjectNode) root.deepCopy();
  }

  /** The node at a JSON pointer such as {@code /paths/~1v1~1videos~1image2video/post}, or a missing node. */
  JsonNode at(String pointer) {
    return root.at(pointer);
  }

  /** Follows a chain of {@code $ref}s inside this document. */
  JsonNode follow(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; current.has("$ref") && hops < 20; hops++) {
      current = at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /** Every operation of the spec by {@code "<method> <path>"} (method in lower case), in the spec's order. */
  java.util.Map<String, JsonNode> operations() {
    java.util.Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    root.path("paths").properties().forEach(path -> {
      for (String method : java.util.List.of("get", "post", "put", "patch", "delete")) {
        JsonNode op = path.getValue().path(method);
        if (!op.isMissingNode()) {
          out.put(method + " " + path.getKey(), op);
        }
      }
    });
    return out;
  }

  JsonNode schema(String name) {
    return root.path("components").path("schemas").path(name);
  }
}
