package io.github.klingjava.cli;

import io.github.klingjava.vendor.TaskFamily;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * One command per task family, read from the client's family list when the CLI starts, so a family added
 * to the spec (and so to the client) appears here without a CLI change: {@code IMAGE_TO_VIDEO} becomes
 * {@code kling image-to-video submit|get|list|wait}.
 */
final class FamilyCommands {
  private FamilyCommands() {
  }

  static void addTo(CommandLine root, Kling.Io io) {
    for (TaskFamily family : TaskFamily.tasks()) {
      CommandLine group = new CommandLine(new Group());
      group.getCommandSpec().usageMessage().description(
          "Tasks of the " + commandName(family) + " family (/" + family.route() + ", request schema "
              + family.requestSchema() + ").");
      group.addSubcommand("submit", new CommandLine(new TaskCommands.Submit(family, io)));
      group.addSubcommand("get", new CommandLine(new TaskCommands.Get(family, io)));
      if (family.operation("list").isPresent()) { // e.g. the older lip-sync documents no list
        group.addSubcommand("list", new CommandLine(new TaskCommands.ListTasks(family, io)));
      }
      group.addSubcommand("wait", new CommandLine(new TaskCommands.Wait(family, io)));
      root.addSubcommand(commandName(family), group);
    }
  }

  /** {@code IMAGE_TO_VIDEO} to {@code image-to-video}. */
  static String commandName(TaskFamily family) {
    return family.tag(); // the spec tag, e.g. image-to-video
  }

  /** A family's group: it only holds the four subcommands. */
  @Command(mixinStandardHelpOptions = true)
  static final class Group implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
      throw new CommandLine.ParameterException(spec.commandLine(),
          spec.name() + ": missing subcommand (submit, get, list or wait)");
    }
  }
}
