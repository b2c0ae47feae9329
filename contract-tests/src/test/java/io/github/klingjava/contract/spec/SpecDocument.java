package io.github.klingjava.contract.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.klingjava.contract.client.FamilyOps;
import io.github.klingjava.contract.prism.SpecFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The spec as written, read with Jackson (key order, x- extensions and examples verbatim; a
 * duplicated key fails), with local {@code $ref} resolution. Loaded once per JVM.
 */
public final class SpecDocument {

  private static SpecDocument shared;

  private final JsonNode root;
  private final String origin;
  private final List<OperationSpec> operations;
  private final List<String> notServedYet = new ArrayList<>();
  private final List<OperationSpec> unserved = new ArrayList<>();

  private SpecDocument(JsonNode root, String origin) {
    this.root = root;
    this.origin = origin;
    this.operations = List.copyOf(readOperations());
  }

  /** @return the spec of {@code kling.spec} (or the jar's copy), parsed once */
  public static synchronized SpecDocument load() {
    if (shared == null) {
      SpecFile file = SpecFile.locate();
      try {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        shared = new SpecDocument(yaml.readTree(file.path().toFile()), file.origin());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the spec " + file.path(), e);
      }
    }
    return shared;
  }

  /** @return where the spec came from */
  public String origin() {
    return origin;
  }

  /** @return the whole document */
  public JsonNode root() {
    return root;
  }

  /** @return the operationIds of the spec that the client does not serve yet (not in {@link #operations()}) */
  public List<String> notServedYet() {
    return List.copyOf(notServedYet);
  }

  /**
   * @return the operations the client does not serve yet, in document order (tested over plain HTTP by
   *     {@code UnservedExampleContractTest})
   */
  public List<OperationSpec> unservedOperations() {
    return List.copyOf(unserved);
  }

  /** @return the operations the client serves, in document order */
  public List<OperationSpec> operations() {
    return operations;
  }

  /**
   * @param operationId an operationId
   * @return that operation
   */
  public OperationSpec operation(String operationId) {
    return operations.stream().filter(op -> op.operationId().equals(operationId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no operation " + operationId + " in the spec"));
  }

  /**
   * @param name a schema of components/schemas
   * @return the schema (not resolved)
   */
  public JsonNode schema(String name) {
    JsonNode schema = root.path("components").path("schemas").path(name);
    if (schema.isMissingNode()) {
      throw new IllegalArgumentException("no schema " + name + " in the spec");
    }
    return schema;
  }

  /**
   * Follows {@code $ref}s (local ones, {@code #/...}) until a node without one.
   *
   * @param node any node
   * @return the node it refers to
   */
  public JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int depth = 0; current != null && current.has("$ref"); depth++) {
      if (depth > 20) {
        throw new IllegalStateException("$ref cycle at " + node);
      }
      String ref = current.get("$ref").asText();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("only local $refs are supported: " + ref);
      }
      current = root.at(ref.substring(1));
      if (current.isMissingNode()) {
        throw new IllegalStateException("dangling $ref " + ref);
      }
    }
    return current;
  }

  /**
   * @param node a node that may be a {@code $ref} to a schema
   * @return the schema name of the ref ({@code #/components/schemas/X} -> X), or null
   */
  public static String schemaName(JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/components/schemas/") ? ref.substring("#/components/schemas/".length()) : null;
  }

  private List<OperationSpec> readOperations() {
    List<OperationSpec> result = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (method.getValue().has("operationId")) {
          OperationSpec op = OperationSpec.read(this, method.getKey(), path.getKey(), method.getValue());
          if (FamilyOps.serves(op.family())) {
            result.add(op);
          } else {
            notServedYet.add(op.operationId());
            unserved.add(op);
          }
        }
      }
    }
    if (!notServedYet.isEmpty()) {
      // synchronous calls (and any operation of a family the client lacks) have no task-family path
      // through the client: listed, and replayed over plain HTTP by UnservedExampleContractTest
      System.out.println("contract suite: " + notServedYet.size() + " spec operations are not task-family"
          + " operations of the client; their examples are replayed over plain HTTP: " + notServedYet);
    }
    return result;
  }
}
