package io.github.klingjava.contract.prism;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.klingjava.contract.config.ContractConfig;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs the pinned, locally installed {@code @stoplight/prism-cli} (openapi/node_modules) with the
 * host's node on a free loopback port. Nothing is downloaded here: a missing install fails fast.
 */
public final class ProcessPrismBackend implements PrismBackend {

  static final String NPM_FIX = "run `npm ci --prefix openapi --no-audit --no-fund` at the repository root";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path cli;

  /** A backend over {@link ContractConfig#prismCli()}. */
  public ProcessPrismBackend() {
    this(ContractConfig.prismCli());
  }

  ProcessPrismBackend(Path cli) {
    this.cli = cli;
  }

  @Override
  public String name() {
    return "process";
  }

  @Override
  public void checkPrerequisites() {
    if (findOnPath("node") == null) {
      throw new PrerequisiteMissingException("process backend: `node` is not on the PATH: install "
          + "Node.js >= 18.20 (then " + NPM_FIX + "), or use -Dkling.prism.backend=docker");
    }
    if (!Files.isRegularFile(cli)) {
      throw new PrerequisiteMissingException("process backend: the pinned Prism CLI is not installed"
          + " (no " + cli.toAbsolutePath().normalize() + "): " + NPM_FIX);
    }
    String locked = lockedVersion();
    if (locked != null && !locked.equals(version())) {
      throw new PrerequisiteMissingException("process backend: Prism " + version() + " is installed but"
          + " openapi/package-lock.json pins " + locked + ": " + NPM_FIX);
    }
  }

  /** @return the version package-lock.json pins next to node_modules, or null when there is none */
  String lockedVersion() {
    Path lock = cli.toAbsolutePath().normalize().getParent().getParent().getParent().resolve("package-lock.json");
    if (!Files.isRegularFile(lock)) {
      return null;
    }
    try {
      JsonNode version = new ObjectMapper().readTree(lock.toFile()).path("packages")
          .path("node_modules/@stoplight/prism-cli").path("version");
      return version.isTextual() ? version.asText() : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** @return the installed Prism version, read from its package.json */
  String version() {
    try {
      Path pkg = entryPoint().getParent().getParent().resolve("package.json");
      return new ObjectMapper().readTree(pkg.toFile()).path("version").asText("?");
    } catch (IOException e) {
      return "?";
    }
  }

  private Path entryPoint() throws IOException {
    return cli.toRealPath(); // .bin/prism -> ../@stoplight/prism-cli/dist/index.js
  }

  @Override
  public PrismInstance start(Path spec, PrismCommand command, String logName) {
    checkPrerequisites();
    int port = FreePorts.next();
    List<String> argv = new ArrayList<>();
    argv.add(findOnPath("node").toString());
    PrismLog log = new PrismLog(logName);
    Process process;
    try {
      argv.add(entryPoint().toString());
      argv.addAll(command.arguments(port, spec.toAbsolutePath().toString()));
      process = new ProcessBuilder(argv).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      log.close();
      throw new IllegalStateException("process backend: cannot start Prism: " + e.getMessage(), e);
    }
    Thread pump = new Thread(() -> pump(process, log), "prism-" + command.label() + "-" + port);
    pump.setDaemon(true);
    pump.start();
    String url = awaitReady(process, log);
    String description = "prism-cli " + version() + " (node, " + cli.toAbsolutePath().normalize() + ")";
    return new ProcessInstance(process, log, url, description);
  }

  private static void pump(Process process, PrismLog log) {
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        log.line(line);
      }
    } catch (IOException ignored) {
      // the process went away
    }
    log.failed("Prism exited (status " + exitStatus(process) + ") before it was listening");
  }

  private static String exitStatus(Process process) {
    try {
      return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "?";
    }
  }

  private static String awaitReady(Process process, PrismLog log) {
    try {
      return log.ready().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException | InterruptedException e) {
      process.destroyForcibly();
      log.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalStateException("process backend: Prism did not start within "
          + START_TIMEOUT.toSeconds() + "s (" + (e.getCause() == null ? e : e.getCause()).getMessage()
          + "); last output:\n" + log.tail() + "\n(full log: " + log.file() + ")");
    }
  }

  static Path findOnPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private record ProcessInstance(Process process, PrismLog log, String baseUrl, String description)
      implements PrismInstance {

    @Override
    public String backend() {
      return "process";
    }

    @Override
    public void close() {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      } finally {
        log.close();
      }
    }
  }
}
