package io.github.klingjava.contract.constraints;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * How to break each {@code x-kling-rules} id. These rules are prose and expressions JSON Schema
 * cannot state, so each needs a breaker written here; a rule added to the spec without one fails
 * the catalog with a message saying so, rather than going untested.
 */
final class KlingRuleBreakers {

  /**
   * @param body the request breaking the rule
   * @param clientPath where the client reports it
   */
  record Broken(JsonNode body, String clientPath) {
  }

  private KlingRuleBreakers() {
  }

  static Broken breakRule(String id, Mutator m, JsonPointer at) {
    switch (id) {
      case "expansion-area-at-most-3x" -> {
        JsonNode tree = m.baseFor(at.field("down_expansion_ratio"));
        String down = at.find(tree).has("bottom_expansion_ratio") ? "bottom" : "down";
        for (String side : new String[] {"up", down, "left", "right"}) {
          at.field(side + "_expansion_ratio").set(tree, DoubleNode.valueOf(1.0)); // 3 x 3 = 9 > 3
        }
        return new Broken(tree, at.jsonPath());
      }
      case "camera-config-only-for-simple" -> {
        JsonNode tree = m.baseFor(at.field("config"));
        m.ensureParent(tree, at.field("config"));
        if (at.field("config").find(tree) == null) {
          at.field("config").set(tree, m.harvest(at.field("config")));
        }
        at.field("type").set(tree, TextNode.valueOf("down_back")); // a preset with a config
        return new Broken(tree, at.field("config").jsonPath());
      }
      case "camera-config-single-axis" -> {
        JsonNode tree = m.baseFor(at);
        m.ensureParent(tree, at.field("horizontal"));
        if (at.find(tree) == null) {
          at.set(tree, m.harvest(at));
        }
        at.field("horizontal").set(tree, DoubleNode.valueOf(1.0));
        at.field("vertical").set(tree, DoubleNode.valueOf(1.0)); // two moving axes
        return new Broken(tree, at.jsonPath());
      }
      default -> throw new IllegalStateException("x-kling-rules id '" + id + "' at " + at
          + " has no breaker: add one to KlingRuleBreakers so the rule is tested");
    }
  }
}
