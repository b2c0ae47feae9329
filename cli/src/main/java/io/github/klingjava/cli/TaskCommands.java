package io.github.klingjava.cli;

import io.github.klingjava.client.KlingClient;
import io.github.klingjava.client.TaskFamilyService;
import io.github.klingjava.generated.model.TaskResponse;
import io.github.klingjava.vendor.TaskFamily;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The four commands of a family: submit, get, list and wait. */
final class TaskCommands {
  private TaskCommands() {
  }

  /** What every family command shares: its family, the vendor options and the output options. */
  abstract static class Base implements Callable<Integer> {
    final TaskFamily family;
    final Kling.Io io;

    @Mixin
    Vendors vendors;

    @Mixin
    Output output;

    Base(TaskFamily family, Kling.Io io) {
      this.family = family;
      this.io = io;
    }

    @Override
    public Integer call() {
      try (KlingClient client = vendors.client(io)) {
        run(client, client.family(family));
      }
      return 0;
    }

    abstract void run(KlingClient client, TaskFamilyService<?> service);

    String label() {
      return FamilyCommands.commandName(family);
    }
  }

  /** Options of the commands that wait. */
  static final class WaitOptionsMixin {
    @Option(names = "--timeout", paramLabel = "DURATION",
        description = "Give up after this long, e.g. 10m or 90s (default: the client's 10 minutes).")
    String timeout;

    @Option(names = "--poll-interval", paramLabel = "DURATION",
        description = "Poll at this fixed interval instead of the client's backoff, e.g. 5s.")
    String pollInterval;

    Waiting waiting(Kling.Io io, String label) {
      return new Waiting(io, label, duration("--timeout", timeout), duration("--poll-interval", pollInterval));
    }

    private static Duration duration(String option, String text) {
      if (text == null) {
        return null;
      }
      try {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d = t.endsWith("ms") ? Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)))
            : Duration.parse("PT" + t.toUpperCase(Locale.ROOT));
        if (d.isNegative() || d.isZero()) {
          throw new BadInputException(option, "\"" + text + "\"", "must be positive");
        }
        return d;
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new BadInputException(option, "\"" + text + "\"", "must be a duration such as 500ms, 90s or 10m");
      }
    }
  }

  @Command(name = "submit", mixinStandardHelpOptions = true,
      description = "Submit a task (fields in the spec's wire names), optionally wait for it and save the results.")
  static final class Submit extends Base {
    @Option(names = "--body", paramLabel = "FILE", description = "The request as a JSON object.")
    Path body;

    @Option(names = {"-f", "--field"}, paramLabel = "FIELD",
        description = "key=text, key:=json (numbers, booleans, arrays) or key=@image-file (a local "
            + "JPG/PNG, checked and sent as raw Base64). Repeatable; overrides --body.")
    List<String> fields = new ArrayList<>();

    @Option(names = "--wait", description = "Wait for the outcome (progress on stderr).")
    boolean waitForIt;

    @Mixin
    WaitOptionsMixin waitOptions;

    Submit(TaskFamily family, Kling.Io io) {
      super(family, io);
    }

    @Override
    @SuppressWarnings("unchecked")
    void run(KlingClient client, TaskFamilyService<?> service) {
      Object request = RequestBody.build(family, body, fields);
      TaskResponse submitted = ((TaskFamilyService<Object>) service).submit(request);
      if (!waitForIt) {
        output.task(client, io, submitted);
        return;
      }
      String id = submitted.getData().getTaskId();
      io.err().println(label() + " " + id + ": submitted");
      output.task(client, io, waitOptions.waiting(io, label()).until(service, id));
    }
  }

  @Command(name = "get", mixinStandardHelpOptions = true, description = "Query one task.")
  static final class Get extends Base {
    @Parameters(paramLabel = "ID", description = "The task_id (or with --external, your external_task_id).")
    String id;

    @Option(names = "--external", description = "ID is the external_task_id you gave on submit.")
    boolean external;

    Get(TaskFamily family, Kling.Io io) {
      super(family, io);
    }

    @Override
    void run(KlingClient client, TaskFamilyService<?> service) {
      output.task(client, io, external ? service.getByExternalId(id) : service.get(id));
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "One page of this family's tasks.")
  static final class ListTasks extends Base {
    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number (default 1).")
    int page;

    @Option(names = "--size", paramLabel = "N", defaultValue = "30", description = "Page size (default 30).")
    int size;

    ListTasks(TaskFamily family, Kling.Io io) {
      super(family, io);
    }

    @Override
    void run(KlingClient client, TaskFamilyService<?> service) {
      output.list(client, io, service.list(page, size));
    }
  }

  @Command(name = "wait", mixinStandardHelpOptions = true,
      description = "Wait for a task to succeed or fail (progress on stderr), then print or save it.")
  static final class Wait extends Base {
    @Parameters(paramLabel = "ID", description = "The task_id.")
    String id;

    @Mixin
    WaitOptionsMixin waitOptions;

    Wait(TaskFamily family, Kling.Io io) {
      super(family, io);
    }

    @Override
    void run(KlingClient client, TaskFamilyService<?> service) {
      output.task(client, io, waitOptions.waiting(io, label()).until(service, id));
    }
  }
}
