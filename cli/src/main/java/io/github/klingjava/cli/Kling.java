package io.github.klingjava.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kling} command line: {@code kling contract check} runs the contract suite, and one command
 * per task family ({@code kling image-to-video submit|get|list|wait}) talks to a vendor.
 *
 * <pre>{@code
 * java -jar kling.jar contract check                       # against the embedded Prism mock
 * COMETAPI_API_KEY=... java -jar kling.jar image-generation submit --vendor cometapi \
 *     -f prompt="A red fox in fresh snow" -f image=@fox.png --wait --out images
 * }</pre>
 *
 * <p>Exit codes: 0 success, 1 the work failed (a failed task, an API error, an unexpected contract
 * failure), 2 bad input (one line naming the field, the value and the rule; {@code --debug} adds the
 * stack trace).
 */
@Command(name = "kling", mixinStandardHelpOptions = true, versionProvider = Kling.Version.class,
    description = "Contract checks and task commands for the Kling image and video API.",
    footer = {"", "Credentials come only from the environment: COMETAPI_API_KEY, ANYAPI_API_KEY, "
        + "KLING_API_KEY, or KLING_ACCESS_KEY with KLING_SECRET_KEY.",
        "Exit codes: 0 success, 1 the work failed, 2 bad input. --debug shows stack traces."})
public final class Kling implements Runnable {
  /** Exit code of a bad command line or a request that breaks the spec. */
  public static final int BAD_INPUT = 2;
  /** Exit code of work that failed: a failed task, an API error, an unexpected contract failure. */
  public static final int FAILED = 1;

  private final Io io;

  Kling(Io io) {
    this.io = io;
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, Io.system()));
  }

  /** Runs one command line against {@code io} (the tests' entry point) and returns the exit code. */
  public static int run(String[] args, Io io) {
    List<String> rest = new ArrayList<>(List.of(args));
    Io used = rest.remove("--debug") ? io.withDebug() : io;
    return commandLine(used).execute(rest.toArray(String[]::new));
  }

  /** The whole command tree, with this CLI's error handling. */
  static CommandLine commandLine(Io used) {
    CommandLine root = new CommandLine(new Kling(used));
    root.addSubcommand(new CommandLine(new ContractCommand())
        .addSubcommand(new ContractCheckCommand(used)));
    FamilyCommands.addTo(root, used);
    root.setOut(new java.io.PrintWriter(used.out(), true));
    root.setErr(new java.io.PrintWriter(used.err(), true));
    root.setParameterExceptionHandler((e, a) -> {
      used.err().println("kling: " + e.getMessage());
      used.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
      if (used.debug()) {
        e.printStackTrace(used.err());
      }
      return BAD_INPUT;
    });
    root.setExecutionExceptionHandler((e, cl, parsed) -> Failures.report(e, used));
    return root;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(io.out());
  }

  /** The {@code contract} group. */
  @Command(name = "contract", mixinStandardHelpOptions = true,
      description = "Check a vendor (or the embedded mock) against the spec.")
  static final class ContractCommand implements Runnable {
    @Override
    public void run() {
      throw new CommandLine.ParameterException(new CommandLine(this), "contract: missing subcommand (check)");
    }
  }

  /** The version from the client jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Kling.class.getPackage().getImplementationVersion();
      return new String[] {"kling " + (v == null ? "0.1.0-SNAPSHOT" : v)};
    }
  }

  /** Where a command reads and writes: environment, streams, terminal or not. */
  public record Io(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal,
      boolean debug) {
    /** The process's own environment and streams. */
    public static Io system() {
      return new Io(System.getenv(), System.out, System.err, System.console() != null, false);
    }

    Io withDebug() {
      return new Io(env, out, err, terminal, true);
    }

    String env(String name) {
      String value = env.get(name);
      return value == null || value.isBlank() ? null : value;
    }
  }
}
