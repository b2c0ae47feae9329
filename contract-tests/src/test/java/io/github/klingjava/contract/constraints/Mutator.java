package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.klingjava.contract.spec.OperationSpec;
import io.github.klingjava.contract.spec.SpecDocument;
import java.util.Collection;
import java.util.List;

/**
 * Builds invalid requests of one operation from its own valid request examples: picks the example
 * that already has the constrained place (so the fewest changes are needed), adds missing
 * structure with minimal valid values, then breaks one thing.
 */
final class Mutator {

  private final SpecDocument spec;
  private final OperationSpec operation;
  private final ValueFactory values;
  private final List<JsonNode> examples;

  Mutator(SpecDocument spec, OperationSpec operation) {
    this.spec = spec;
    this.operation = operation;
    this.values = new ValueFactory(spec);
    this.examples = List.copyOf(operation.requestExamples().values());
    if (examples.isEmpty()) {
      throw new IllegalStateException(operation.operationId() + " has no request example to mutate");
    }
  }

  ValueFactory values() {
    return values;
  }

  /** @return the schema that applies at the place (resolved) */
  JsonNode schemaAt(JsonPointer at) {
    JsonNode schema = spec.resolve(spec.schema(operation.requestSchema()));
    for (Object segment : at.segments()) {
      schema = spec.resolve(segment instanceof Integer ? schema.path("items")
          : schema.path("properties").path((String) segment));
    }
    return schema;
  }

  /** @return a copy of the first example that reaches deepest towards the place */
  JsonNode baseFor(JsonPointer at) {
    JsonNode best = examples.get(0);
    int bestDepth = -1;
    for (JsonNode example : examples) {
      int depth = 0;
      while (depth < at.segments().size()
          && new JsonPointer(at.segments().subList(0, depth + 1)).find(example) != null) {
        depth++;
      }
      if (depth > bestDepth) {
        best = example;
        bestDepth = depth;
      }
    }
    return best.deepCopy();
  }

  /** @return a copy of the first example that has the most of these top-level fields */
  JsonNode baseWithMost(Collection<String> fields) {
    JsonNode best = examples.get(0);
    long bestCount = -1;
    for (JsonNode example : examples) {
      long count = fields.stream().filter(example::has).count();
      if (count > bestCount) {
        best = example;
        bestCount = count;
      }
    }
    return best.deepCopy();
  }

  /** Adds whatever is missing on the way to the place (not the place itself), minimally valid. */
  void ensureParent(JsonNode tree, JsonPointer at) {
    List<Object> segments = at.segments();
    for (int i = 1; i < segments.size(); i++) {
      JsonPointer prefix = new JsonPointer(segments.subList(0, i));
      if (prefix.find(tree) == null) {
        prefix.set(tree, values.valid(schemaAt(prefix)));
      }
    }
  }

  /** @return the place's value in the first example that has it, else a minimal valid value */
  JsonNode harvest(JsonPointer at) {
    for (JsonNode example : examples) {
      JsonNode found = at.find(example);
      if (found != null) {
        return found.deepCopy();
      }
    }
    return values.valid(schemaAt(at));
  }

  /**
   * @param at the place
   * @param keyword a value keyword (maxLength, enum, minimum, minItems, ...)
   * @return a request whose value at the place breaks the keyword
   */
  JsonNode breakValue(JsonPointer at, String keyword) {
    JsonNode tree = baseFor(at);
    ensureParent(tree, at);
    at.set(tree, values.breaking(schemaAt(at), keyword, at.find(tree)));
    return tree;
  }

  /** @return a request without the (required) field at the place */
  JsonNode removeField(JsonPointer at) {
    JsonNode tree = baseFor(at);
    ensureParent(tree, at);
    if (at.find(tree) == null) {
      at.set(tree, harvest(at)); // make the parent exist for real, then take the field away
    }
    at.remove(tree);
    return tree;
  }

  /** @return a request whose object at the place carries one undeclared property */
  JsonNode addUnexpectedProperty(JsonPointer object) {
    JsonNode tree = baseFor(object);
    ensureParent(tree, object.field(ValueFactory.UNEXPECTED_PROPERTY));
    object.field(ValueFactory.UNEXPECTED_PROPERTY).set(tree,
        com.fasterxml.jackson.databind.node.TextNode.valueOf("x"));
    return tree;
  }
}
