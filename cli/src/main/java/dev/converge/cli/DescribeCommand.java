package dev.converge.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.cli.json.Json;
import dev.converge.yaml.AtmosStack;
import dev.converge.yaml.ResolvedComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import dev.converge.model.DeferredValue;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.representer.StandardRepresenter;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code converge describe component|stacks}: the resolved configuration, as Atmos describes it. */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "The fully resolved configuration of a component in a stack, or every stack and its instances.",
    subcommands = {DescribeCommand.Component.class, DescribeCommand.Stacks.class})
final class DescribeCommand {

  @Command(
      name = "component",
      mixinStandardHelpOptions = true,
      description = "The resolved configuration of one component in one stack: vars, env, settings, backend,"
          + " workspace, folder and digests (YAML, or JSON with --format json).",
      footer = {"", "Example:", "  converge describe component vpc --stack prod/us-east-1"})
  static final class Component implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Parameters(paramLabel = "COMPONENT", description = "The component name.")
    String component;

    @Option(names = {"--stack", "-s"}, paramLabel = "S", required = true, description = "The stack.")
    String stack;

    @Option(names = "--revision", paramLabel = "REV", description = "Describe at this git revision (default: HEAD in a git repository, else the files on disk).")
    String revision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Output.require(options.format, Output.formats(Format.text, Format.json), "describe component");
      // the component alone: in a large estate, resolving every other component is most of a load
      Session session = Session.open(options, Optional.ofNullable(revision),
          options.builder(Session.Load.FULL).components(Set.of(component)));
      ResolvedComponent resolved = session.snapshot.component(stack, component).orElseGet(() ->
          // not there: the load of every component says which stack or component was meant
          Session.open(options, Optional.ofNullable(revision)).snapshot.describeComponent(component, stack));
      Map<String, Object> document = new LinkedHashMap<>(resolved.configuration());
      document.put("folder", resolved.folder());
      resolved.sourceDigest().ifPresent(d -> document.put("source_digest", d));
      document.put("config_digest", resolved.configDigest());
      print(spec, options.format, document);
      return 0;
    }
  }

  @Command(
      name = "stacks",
      mixinStandardHelpOptions = true,
      description = "Every stack, the manifests it is made of, and its components by type.",
      footer = {"", "Example:", "  converge describe stacks --format json"})
  static final class Stacks implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Option(names = "--revision", paramLabel = "REV", description = "Describe at this git revision (default: HEAD in a git repository, else the files on disk).")
    String revision;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      Output.require(options.format, Output.formats(Format.text, Format.json), "describe stacks");
      Session session = Session.open(options, Optional.ofNullable(revision));
      Map<String, Object> document = new LinkedHashMap<>();
      for (AtmosStack stack : session.snapshot.stacks()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("manifests", stack.manifests());
        entry.put("components", stack.components());
        document.put(stack.name(), entry);
      }
      print(spec, options.format, document);
      return 0;
    }
  }

  static void print(CommandSpec spec, Format format, Map<String, Object> document) {
    if (format == Format.json) {
      ObjectNode node = Json.object();
      document.forEach((k, v) -> node.set(k, Json.tree(v)));
      Json.print(node, spec.commandLine().getOut());
    } else {
      DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).setIndent(2).setDereferenceAliases(true)
          .setIndicatorIndent(0).setIndentWithIndicator(false).build();
      spec.commandLine().getOut().print(new Dump(settings, new DeferredAsTag(settings)).dumpToString(document));
    }
    spec.commandLine().getOut().flush();
  }

  /** Prints a {@link DeferredValue} as the YAML function it was written as: {@code !terraform.output vpc vpc_id}. */
  private static final class DeferredAsTag extends StandardRepresenter {
    DeferredAsTag(DumpSettings settings) {
      super(settings);
      this.parentClassRepresenters.put(DeferredValue.class, data -> {
        DeferredValue deferred = (DeferredValue) data;
        return representScalar(new Tag(deferred.function()), deferred.arguments());
      });
    }
  }

  private DescribeCommand() {}
}
