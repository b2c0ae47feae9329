package io.github.klingjava.compat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;

/**
 * Compares a released spec with the current one: openapi-diff finds the differences, {@link
 * OperationChanges}, {@link SchemaChanges} and {@link ExtensionChanges} classify them for client
 * users.
 *
 * @param baselineVersion {@code info.version} of the released spec
 * @param currentVersion {@code info.version} of the current spec
 * @param changes every classified change, breaking ones first
 */
record SpecCompatibility(String baselineVersion, String currentVersion, List<SpecChange> changes) {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  static SpecCompatibility compare(Path baseline, Path current) {
    try {
      return compare(Files.readString(baseline), Files.readString(current));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static SpecCompatibility compare(JsonNode baseline, JsonNode current) {
    try {
      return compare(YAML.writeValueAsString(baseline), YAML.writeValueAsString(current));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static SpecCompatibility compare(String baselineYaml, String currentYaml) {
    JsonNode before = tree(baselineYaml);
    JsonNode after = tree(currentYaml);
    ChangedOpenApi diff = OpenApiCompare.fromContents(baselineYaml, currentYaml);
    List<SpecChange> changes = new ArrayList<>();
    OperationChanges.classify(diff, changes);
    ExtensionChanges.classify(before, after, changes);
    List<SpecChange> distinct = new ArrayList<>(changes.stream().distinct().toList());
    distinct.sort(Comparator.comparing((SpecChange c) -> !c.isBreaking()).thenComparing(SpecChange::line));
    return new SpecCompatibility(version(before), version(after), List.copyOf(distinct));
  }

  List<SpecChange> breaking() {
    return changes.stream().filter(SpecChange::isBreaking).toList();
  }

  /** Every change, one a line, for people: the regeneration command prints it. */
  String report() {
    StringBuilder text = new StringBuilder("Spec changes from the released spec (info.version " + baselineVersion
        + ") to the current spec (info.version " + currentVersion + "): " + breaking().size() + " breaking, "
        + (changes.size() - breaking().size()) + " compatible\n");
    changes.forEach(change -> text.append("  ").append(change).append('\n'));
    return text.toString();
  }

  private static JsonNode tree(String yaml) {
    try {
      return YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a YAML document: " + e.getOriginalMessage(), e);
    }
  }

  private static String version(JsonNode spec) {
    return spec.path("info").path("version").asText("");
  }
}
