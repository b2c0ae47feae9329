package io.github.klingjava.cli;

import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kling contract check}: the contract suite (contract-tests), run in this JVM with the JUnit
 * Platform launcher. It prints the matrix summary and writes the Markdown and HTML matrix and JUnit XML
 * into {@code --report}; exit 0 only when no test failed unexpectedly (known deviations are recorded,
 * not failed).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Run the contract suite against the embedded Prism mock (default) or a live vendor.")
final class ContractCheckCommand implements Callable<Integer> {
  private static final String SUITE_PACKAGE = "io.github.klingjava.contract";
  /** --target to the live targets of the suite (contract-tests' LiveTargets) and the variables they need. */
  private static final Map<String, String[]> LIVE = Map.of(
      "cometapi", new String[] {"cometapi", "COMETAPI_API_KEY"},
      "anyapi", new String[] {"anyapi", "ANYAPI_API_KEY"},
      "kling", new String[] {"kling-jwt,kling-apikey", "KLING_API_KEY"});

  private final Kling.Io io;

  @Option(names = "--target", paramLabel = "TARGET", defaultValue = "mock",
      description = "mock (the embedded Prism mock: no key, no network), cometapi, anyapi or kling "
          + "(live, through prism proxy; the key comes from the environment). Default: ${DEFAULT-VALUE}.")
  String target;

  @Option(names = "--backend", paramLabel = "BACKEND", defaultValue = "auto",
      description = "auto (the pinned Prism when installed, else Docker), docker or process.")
  String backend;

  @Option(names = "--spec", paramLabel = "FILE",
      description = "Check this spec (e.g. your edited copy) instead of openapi/kling-api.yaml or, outside "
          + "a clone, the copy inside the client jar.")
  Path spec;

  @Option(names = "--report", paramLabel = "DIR", defaultValue = "contract-report",
      description = "Where the matrix (.md, .html) and JUnit XML go (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--prism-cli", paramLabel = "FILE",
      description = "The Prism CLI of the process backend (default: openapi/node_modules/.bin/prism, "
          + "or $KLING_PRISM_CLI).")
  Path prismCli;

  ContractCheckCommand(Kling.Io io) {
    this.io = io;
  }

  @Override
  public Integer call() throws IOException {
    String name = target.toLowerCase(Locale.ROOT);
    if (!name.equals("mock") && !LIVE.containsKey(name)) {
      throw new BadInputException("--target", "\"" + target + "\"", "must be one of mock, cometapi, anyapi, kling");
    }
    configure(name);
    LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
        .selectors(selectPackage(SUITE_PACKAGE))
        .configurationParameter("junit.platform.output.capture.stdout", "false");
    if (name.equals("mock")) {
      request.filters(includeClassNamePatterns(".*ContractTest"), excludeClassNamePatterns(".*SmokeContractTest"));
    } else {
      request.filters(includeClassNamePatterns(".*\\.LiveContractTest"));
    }
    return run(request.build());
  }

  private int run(LauncherDiscoveryRequest request) throws IOException {
    Path junit = report.resolve("junit");
    Files.createDirectories(junit);
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    PrintStream systemOut = System.out;
    // The suite's report listener prints its summary on System.out: route it to this command's stdout.
    System.setOut(io.out());
    try {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(request, summary,
          new LegacyXmlReportGeneratingListener(junit, new PrintWriter(io.err(), true)));
    } finally {
      System.setOut(systemOut);
    }
    TestExecutionSummary result = summary.getSummary();
    long failed = result.getTotalFailureCount();
    io.out().println("contract check: " + result.getTestsSucceededCount() + " passed, " + failed
        + " failed, " + result.getTestsAbortedCount() + " skipped; report "
        + report.resolve("contract-matrix.html").toAbsolutePath().normalize() + ", JUnit XML " + junit);
    for (TestExecutionSummary.Failure f : result.getFailures()) {
      io.err().println("FAILED " + f.getTestIdentifier().getDisplayName() + ": " + f.getException().getMessage());
    }
    if (result.getTestsFoundCount() == 0) {
      io.err().println("kling: contract check found no tests (is the contract suite on the class path?)");
      return Kling.FAILED;
    }
    return failed == 0 ? 0 : Kling.FAILED;
  }

  private void configure(String name) throws IOException {
    if (spec != null && !Files.isRegularFile(spec)) {
      throw new BadInputException("--spec", spec.toString(), "no such file");
    }
    Path specFile = spec != null ? spec : Path.of("openapi", "kling-api.yaml");
    // A path that does not exist makes the suite use the client jar's own copy of the spec.
    System.setProperty("kling.spec", specFile.toAbsolutePath().normalize().toString());
    Path cli = prismCli();
    System.setProperty("kling.prism.cli", cli.toString());
    System.setProperty("kling.prism.backend", backend(cli));
    System.setProperty("kling.report.dir", report.toAbsolutePath().normalize().toString());
    System.setProperty("kling.report.run", "full");
    if (name.equals("mock")) {
      System.setProperty("kling.live.standin", "true");
      System.setProperty("kling.live.targets", "standin-cometapi");
    } else {
      String[] live = LIVE.get(name);
      boolean hasKey = io.env(live[1]) != null
          || (name.equals("kling") && io.env("KLING_ACCESS_KEY") != null && io.env("KLING_SECRET_KEY") != null);
      if (!hasKey) {
        throw new BadInputException(live[1], null, "not set: --target " + name + " needs it in the environment"
            + (name.equals("kling") ? " (or KLING_ACCESS_KEY and KLING_SECRET_KEY)" : ""));
      }
      System.setProperty("kling.live.standin", "false");
      System.setProperty("kling.live.targets", live[0]);
    }
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.log.com.github.dockerjava", "off");
    deleteRecursively(report.resolve("runs"));
  }

  private Path prismCli() {
    if (prismCli != null) {
      return prismCli.toAbsolutePath().normalize();
    }
    String fromEnv = io.env("KLING_PRISM_CLI");
    return Path.of(fromEnv != null ? fromEnv : "openapi/node_modules/.bin/prism").toAbsolutePath().normalize();
  }

  private String backend(Path cli) {
    String b = backend.toLowerCase(Locale.ROOT);
    switch (b) {
      case "auto":
        return Files.isRegularFile(cli) ? "process" : "docker";
      case "docker":
      case "process":
        return b;
      default:
        throw new BadInputException("--backend", "\"" + backend + "\"", "must be one of auto, docker, process");
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
