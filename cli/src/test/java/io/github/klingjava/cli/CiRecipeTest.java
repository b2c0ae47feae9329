package io.github.klingjava.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * examples/ci/kling-contract.yml runs commands this CLI accepts: each {@code contract check} line of the
 * workflow, with its shell variables filled in, parses without error, and the jar it runs is the artifact
 * this build installs.
 */
class CiRecipeTest {
  @Test
  void theWorkflowsContractChecksAreCommandsOfThisCli() throws Exception {
    String workflow = Files.readString(Repo.root().resolve("examples/ci/kling-contract.yml"));
    List<String> checks = workflow.lines().map(String::trim)
        .filter(l -> l.startsWith("java -jar .kling/kling-java-cli.jar ")).toList();
    assertEquals(2, checks.size(), "the mock job and the live job: " + checks);
    for (String line : checks) {
      String filled = line.replace("java -jar .kling/kling-java-cli.jar ", "")
          .replace("\"${SPEC_ARGS[@]}\"", "--spec openapi/kling-api.yaml")
          .replace("${{ matrix.target }}", "cometapi");
      List<String> args = new ArrayList<>(List.of(filled.split(" ")));
      CommandLine root = Kling.commandLine(new Kling.Io(Map.of(), System.out, System.err, false, false));
      CommandLine.ParseResult parsed = root.parseArgs(args.toArray(String[]::new));
      assertEquals(List.of("kling", "contract", "check"),
          parsed.asCommandLineList().stream().map(c -> c.getCommandName()).toList(), line);
    }
    assertTrue(workflow.contains("-Dartifact=io.github.klingjava:kling-java-cli:${KLING_JAVA_VERSION}"));
    assertTrue(workflow.contains("-Dmdep.stripVersion=true"), "the copied jar is named kling-java-cli.jar");
    for (String target : List.of("cometapi", "anyapi", "kling")) {
      assertTrue(workflow.contains("- target: " + target), "live job for " + target);
    }
  }
}
