package dev.converge.runner;

import dev.converge.runner.internal.process.Cancellation;
import dev.converge.runner.internal.process.CommandExecutor;
import dev.converge.runner.internal.process.CommandLine;
import dev.converge.runner.internal.process.Completion;
import dev.converge.runner.internal.process.LineSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stands in for processes in unit tests: records every command line and answers per subcommand. */
final class ScriptedExecutor implements CommandExecutor {

  static final String CREATE_ONE = "{\"format_version\":\"1.2\",\"resource_changes\":["
      + "{\"address\":\"terraform_data.name\",\"change\":{\"actions\":[\"create\"]}}]}";

  final List<CommandLine> commands = new ArrayList<>();
  private final Map<String, Completion> answers = new ConcurrentHashMap<>();
  private final Map<String, List<String>> output = new ConcurrentHashMap<>();

  ScriptedExecutor() {
    answer("init", Completion.exited(0, "", ""));
    answer("workspace", Completion.exited(0, "", ""));
    answer("plan", Completion.exited(2, "", ""));
    answer("show", Completion.exited(0, CREATE_ONE, ""));
    answer("apply", Completion.exited(0, "", ""));
  }

  ScriptedExecutor answer(String subcommand, Completion completion) {
    answers.put(subcommand, completion);
    return this;
  }

  ScriptedExecutor print(String subcommand, String... lines) {
    output.put(subcommand, List.of(lines));
    return this;
  }

  List<List<String>> argLists() {
    synchronized (commands) {
      return commands.stream().map(CommandLine::args).toList();
    }
  }

  @Override
  public Completion execute(CommandLine command, Duration timeout, boolean captureStdout, LineSink sink,
      Cancellation cancellation) {
    synchronized (commands) {
      commands.add(command);
    }
    String sub = command.args().get(1);
    output.getOrDefault(sub, List.of()).forEach(line -> sink.line(false, line));
    Completion answer = answers.get(sub);
    if (!answer.stderrTail().isEmpty()) {
      sink.line(true, answer.stderrTail());
    }
    return answer;
  }
}
