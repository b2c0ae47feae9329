package io.github.klingjava.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks the seed ledger against a spec: each item names what a seed document says and where the spec holds
 * it. The item format is described at the top of {@code openapi/ledger/seed-ledger.yaml}.
 */
final class SeedLedger {
  static final Path LEDGER = SpecDocument.OPENAPI_DIR.resolve("ledger/seed-ledger.yaml");
  static final Path SEED_EXAMPLES = SpecDocument.OPENAPI_DIR.resolve("ledger/seed-examples");
  static final Path RECONCILIATION = SpecDocument.OPENAPI_DIR.resolve("RECONCILIATION.md");

  private final JsonNode ledger;
  private final Function<String, JsonNode> seedExamples;
  private final String reconciliation;

  SeedLedger(JsonNode ledger, Function<String, JsonNode> seedExamples, String reconciliation) {
    this.ledger = ledger;
    this.seedExamples = seedExamples;
    this.reconciliation = reconciliation;
  }

  static SeedLedger load() throws java.io.IOException {
    return new SeedLedger(
        SpecDocument.readYaml(LEDGER),
        file -> SpecDocument.readJson(SEED_EXAMPLES.resolve(file)),
        Files.readString(RECONCILIATION));
  }

  /**
   * A ledger of {@code openapi/ledger/} whose verbatim examples are in {@code examplesFolder} (beside it), checked
   * with this checker and the decisions of RECONCILIATION.md.
   */
  static SeedLedger load(String ledgerFile, String examplesFolder) throws java.io.IOException {
    java.nio.file.Path examples = SpecDocument.OPENAPI_DIR.resolve("ledger").resolve(examplesFolder);
    return new SeedLedger(SpecDocument.readYaml(SpecDocument.OPENAPI_DIR.resolve("ledger").resolve(ledgerFile)),
        file -> SpecDocument.readJson(examples.resolve(file)), Files.readString(RECONCILIATION));
  }

  /** Fails, listing every violation, unless every item holds in {@code spec}. */
  void assertHolds(SpecDocument spec, String name) {
    List<String> violations = violations(spec);
    org.junit.jupiter.api.Assertions.assertEquals(List.of(), violations,
        name + " ledger violations:\n" + String.join("\n", violations));
  }

  /** Fails unless checking {@code broken} reports a violation containing {@code expected}. */
  void assertReported(com.fasterxml.jackson.databind.node.ObjectNode broken, String expected) {
    List<String> violations = violations(SpecDocument.of(broken));
    org.junit.jupiter.api.Assertions.assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
        "expected a violation containing <" + expected + "> but got:\n" + String.join("\n", violations));
  }

  JsonNode items(String seed) {
    return ledger.path("seeds").path(seed).path("items");
  }

  int itemCount() {
    int count = 0;
    for (Map.Entry<String, JsonNode> seed : ledger.path("seeds").properties()) {
      count += seed.getValue().path("items").size();
    }
    return count;
  }

  /** Every way the spec fails the ledger, one line each, prefixed with the seed and the item. */
  List<String> violations(SpecDocument spec) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> seed : ledger.path("seeds").properties()) {
      for (JsonNode item : seed.getValue().path("items")) {
        String label = seed.getKey() + " [" + item.path("what").asText() + "]";
        new ItemCheck(spec, item, label, out).run();
      }
    }
    return out;
  }

  /** One ledger item against the spec. */
  private final class ItemCheck {
    private final SpecDocument spec;
    private final JsonNode item;
    private final String label;
    private final List<String> out;

    ItemCheck(SpecDocument spec, JsonNode item, String label, List<String> out) {
      this.spec = spec;
      this.item = item;
      this.label = label;
      this.out = out;
    }

    void run() {
      if (item.has("example")) {
        checkExample();
      }
      if (item.has("at")) {
        checkLocation(item.get("at").asText());
      }
      if (item.has("decision")) {
        String row = "| " + item.get("decision").asText() + " |";
        if (!reconciliation.contains(row)) {
          fail("cites reconciliation row " + item.get("decision").asText() + ", which RECONCILIATION.md lacks");
        }
      }
    }

    private void checkExample() {
      String key = item.get("example").asText();
      JsonNode example = spec.at("/components/examples/" + escape(key));
      if (example.isMissingNode()) {
        fail("example " + key + " is missing from components/examples");
        return;
      }
      JsonNode verbatim = seedExamples.apply(item.get("file").asText());
      if (!example.path("value").equals(verbatim)) {
        fail("example " + key + " no longer equals the seed's verbatim copy " + item.get("file").asText());
      }
      JsonNode use = spec.at(item.path("usedAt").asText());
      if (!use.path("$ref").asText().equals("#/components/examples/" + key)) {
        fail("example " + key + " is not referenced at " + item.path("usedAt").asText());
      }
    }

    private void checkLocation(String at) {
      JsonNode parent = null;
      String property = null;
      JsonNode raw;
      if (at.startsWith("/")) {
        raw = spec.at(at);
      } else {
        String[] parts = at.split("\\.", 2);
        parent = spec.schema(parts[0]);
        property = parts[1];
        raw = parent.path("properties").path(property);
      }
      if (raw.isMissingNode()) {
        fail("nothing at " + at);
        return;
      }
      if (item.has("value") && !item.get("value").equals(raw)) {
        fail(at + " is " + raw + ", the ledger expects " + item.get("value"));
      }
      JsonNode node = spec.follow(raw);
      checkExpect(at, node);
      checkAbsent(at, node);
      checkMentions(at, node);
      if (item.has("required")) {
        checkRequired(at, parent, property);
      }
    }

    private void checkExpect(String at, JsonNode node) {
      for (Map.Entry<String, JsonNode> e : item.path("expect").properties()) {
        JsonNode actual = node.path(e.getKey());
        if (!sameValue(actual, e.getValue())) {
          fail(at + ": " + e.getKey() + " is " + describe(actual) + ", the seed says " + e.getValue());
        }
      }
    }

    private void checkAbsent(String at, JsonNode node) {
      for (JsonNode keyword : item.path("absent")) {
        if (node.has(keyword.asText())) {
          fail(at + ": has " + keyword.asText() + " although the ledger records it as decided against");
        }
      }
    }

    private void checkMentions(String at, JsonNode node) {
      String description = node.path("description").asText("");
      for (JsonNode word : item.path("mentions")) {
        if (!description.contains(word.asText())) {
          fail(at + ": description no longer mentions \"" + word.asText() + "\"");
        }
      }
    }

    private void checkRequired(String at, JsonNode parent, String property) {
      if (parent == null) {
        fail(at + ": `required` needs a Schema.property location");
        return;
      }
      boolean listed = contains(parent.path("required"), property);
      boolean viaAnyOf = false;
      for (JsonNode branch : parent.path("anyOf")) {
        viaAnyOf |= contains(branch.path("required"), property);
      }
      JsonNode want = item.get("required");
      if (want.isBoolean() && want.asBoolean() && !listed) {
        fail(at + " is no longer required");
      } else if (want.isTextual() && "anyOf".equals(want.asText()) && !viaAnyOf) {
        fail(at + " is no longer required through an anyOf branch");
      } else if (want.isBoolean() && !want.asBoolean() && (listed || viaAnyOf)) {
        fail(at + " became required; the ledger records it as optional");
      }
    }

    private void fail(String message) {
      out.add(label + ": " + message);
    }
  }

  private static boolean sameValue(JsonNode actual, JsonNode expected) {
    if (actual.isNumber() && expected.isNumber()) {
      return actual.decimalValue().compareTo(expected.decimalValue()) == 0;
    }
    return actual.equals(expected);
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode element : array) {
      if (element.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode node) {
    return node.isMissingNode() ? "absent" : node.toString();
  }

  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
