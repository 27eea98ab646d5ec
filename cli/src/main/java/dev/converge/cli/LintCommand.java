package dev.converge.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.cli.json.Json;
import dev.converge.diagnostic.Problem;
import dev.converge.lint.Linter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code converge lint}: every rule; exit 1 on any error. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = "Checks every rule (docs/rules.md) and the loader's warnings (a warning a rule also reports is shown once, as the rule); exits 1 on any error.",
    footer = {"", "Examples:", "  converge lint", "  converge lint --format json"})
final class LintCommand implements Callable<Integer> {

  @Mixin
  CommonOptions options;

  @Option(names = "--revision", paramLabel = "REV", description = "Lint this git revision (default: HEAD in a git repository, else the files on disk).")
  String revision;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    Output.require(options.format, Output.formats(Format.text, Format.json), "lint");
    Session session = Session.open(options, Optional.ofNullable(revision));
    List<Problem> rules = Linter.of(session.pipeline())
        .withFolders(session.folders())
        .withClassifier(session.classifier())
        .at(session.now)
        .lint(session.desired());
    List<Problem> problems = new ArrayList<>();
    for (Problem warning : session.snapshot.warnings()) {
      boolean alsoARule = rules.stream().anyMatch(r -> r.rule().equals(warning.rule())
          && r.stack().equals(warning.stack()) && r.component().equals(warning.component()));
      if (!alsoARule) {
        problems.add(warning);
      }
    }
    problems.addAll(rules);
    long errors = problems.stream().filter(Problem::isError).count();
    if (options.format == Format.json) {
      ObjectNode root = Json.object();
      root.put("schema", "converge.lint/v1");
      root.put("revision", session.desired().revision().id());
      root.put("errors", errors);
      ArrayNode list = root.putArray("problems");
      problems.forEach(p -> list.add(Json.problem(p)));
      Json.print(root, spec.commandLine().getOut());
    } else {
      StringBuilder text = new StringBuilder();
      for (Problem p : problems) {
        text.append(p.render()).append('\n');
      }
      text.append(problems.isEmpty() ? "No problems.\n"
          : errors + (errors == 1 ? " error, " : " errors, ") + (problems.size() - errors)
              + (problems.size() - errors == 1 ? " warning" : " warnings") + ".\n");
      spec.commandLine().getOut().print(Output.colour(text.toString()));
    }
    spec.commandLine().getOut().flush();
    return errors > 0 ? Converge.FOUND_ERRORS : 0;
  }
}
