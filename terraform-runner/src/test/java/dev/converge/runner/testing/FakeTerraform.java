package dev.converge.runner.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A test double of the {@code terraform} command line, faithful to what the runner relies on.
 *
 * <p>Subcommands and flags: {@code init [-reconfigure] [-input=false]}, {@code workspace select
 * [-or-create] NAME}, {@code plan [-destroy] [-input=false] [-no-color] [-detailed-exitcode]
 * [-var-file=F] [-out=F]}, {@code show -json PLANFILE}, {@code apply [-input=false] [-no-color]
 * PLANFILE}. An unknown flag is an error, as in Terraform. Exit codes are Terraform's: 0 success,
 * 1 error, and for {@code plan -detailed-exitcode} 0 no changes, 1 error, 2 changes.
 *
 * <p>The configuration declares one {@code terraform_data} resource per variable of the var file,
 * its value the variable's; a variable whose name ends in {@code _force_new} is replaced rather
 * than updated when it changes. State lives in {@code .fake-state/<backend digest>/<workspace>.json}
 * under the folder, so a second plan after apply shows no changes, and different backends or
 * workspaces have different state. {@code init} must run first ({@code .terraform/}), then
 * {@code workspace select} ({@code .terraform/environment}, as Terraform writes it).
 *
 * <p>Switches, read from the environment (the instance's {@code env}): {@code FAKE_TF_FAIL=<sub>}
 * fails that subcommand; {@code FAKE_TF_HANG=<sub>} starts a child {@code sleep} and hangs (pids
 * appended to {@code FAKE_TF_PIDS}); {@code FAKE_TF_CRASH=apply} dies mid-apply with half the
 * changes written; {@code FAKE_TF_PRINT_VAR=<var>} prints that variable's value during plan, on
 * stdout and stderr; {@code FAKE_TF_DRIFT=1} makes plan see every resource changed outside
 * Terraform; {@code FAKE_TF_LOG=<file>} appends each invocation (args, folder, environment) as JSON.
 */
public final class FakeTerraform {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);
  private static final PrintStream ERR = new PrintStream(System.err, true, StandardCharsets.UTF_8);

  private final Path cwd = Path.of("").toAbsolutePath();
  private final Map<String, String> env = System.getenv();

  private FakeTerraform() {}

  public static void main(String[] args) throws Exception {
    System.exit(new FakeTerraform().run(List.of(args)));
  }

  private int run(List<String> args) throws Exception {
    log(args);
    if (args.isEmpty()) {
      ERR.println("Usage: terraform [global options] <subcommand> [args]");
      return 1;
    }
    String sub = args.get(0);
    if (sub.equals(env.get("FAKE_TF_FAIL"))) {
      ERR.println("Error: simulated failure of " + sub);
      return 1;
    }
    if (sub.equals(env.get("FAKE_TF_HANG"))) {
      hang();
    }
    List<String> rest = args.subList(1, args.size());
    return switch (sub) {
      case "init" -> init(rest);
      case "workspace" -> workspace(rest);
      case "plan" -> plan(rest);
      case "show" -> show(rest);
      case "apply" -> apply(rest);
      case "version" -> {
        OUT.println("Terraform v1.9.8 (fake)");
        yield 0;
      }
      default -> {
        ERR.println("Terraform has no command named \"" + sub + "\".");
        yield 1;
      }
    };
  }

  private void log(List<String> args) throws IOException {
    String file = env.get("FAKE_TF_LOG");
    if (file == null) {
      return;
    }
    ObjectNode entry = JSON.createObjectNode();
    ArrayNode list = entry.putArray("args");
    args.forEach(list::add);
    entry.put("cwd", cwd.toString());
    ObjectNode environment = entry.putObject("env");
    new TreeMap<>(env).forEach(environment::put);
    Files.writeString(Path.of(file), JSON.writeValueAsString(entry) + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private void hang() throws Exception {
    Process child = new ProcessBuilder("/bin/sleep", "300").start();
    String pids = env.get("FAKE_TF_PIDS");
    if (pids != null) {
      Files.writeString(Path.of(pids), ProcessHandle.current().pid() + "\n" + child.pid() + "\n",
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    OUT.println("hanging (child " + child.pid() + ")");
    Thread.sleep(Long.MAX_VALUE);
  }

  private static Map<String, String> flags(List<String> args, List<String> allowed, List<String> positional) {
    Map<String, String> flags = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.startsWith("-")) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (!allowed.contains(name)) {
          throw new Usage("flag provided but not defined: " + name);
        }
        flags.put(name, arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "true");
      } else {
        positional.add(arg);
      }
    }
    return flags;
  }

  private static final class Usage extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Usage(String message) {
      super(message);
    }
  }

  private int init(List<String> args) throws IOException {
    try {
      flags(args, List.of("-reconfigure", "-input"), new ArrayList<>());
    } catch (Usage e) {
      ERR.println(e.getMessage());
      return 1;
    }
    Path backendFile = cwd.resolve("backend.tf.json");
    String backend = "local";
    if (Files.exists(backendFile)) {
      JsonNode node;
      try {
        node = JSON.readTree(backendFile.toFile());
      } catch (IOException e) {
        ERR.println("Error: Failed to load backend.tf.json: " + e.getMessage());
        return 1;
      }
      JsonNode block = node.path("terraform").path("backend");
      if (!block.isObject() || block.size() != 1) {
        ERR.println("Error: backend.tf.json must declare exactly one backend");
        return 1;
      }
      backend = JSON.writeValueAsString(block);
    }
    Files.createDirectories(cwd.resolve(".terraform"));
    Files.writeString(cwd.resolve(".terraform/backend-digest"), sha(backend));
    OUT.println("Initializing the backend...");
    OUT.println("Terraform has been successfully initialized!");
    return 0;
  }

  private String backendDigest() throws IOException {
    Path digest = cwd.resolve(".terraform/backend-digest");
    if (!Files.exists(digest)) {
      throw new Usage("Error: Backend initialization required, please run \"terraform init\"");
    }
    return Files.readString(digest).strip();
  }

  private Path stateDir() throws IOException {
    return cwd.resolve(".fake-state").resolve(backendDigest());
  }

  private int workspace(List<String> args) throws IOException {
    List<String> positional = new ArrayList<>();
    Map<String, String> flags;
    try {
      if (args.isEmpty() || !args.get(0).equals("select")) {
        throw new Usage("only `workspace select` is faked");
      }
      flags = flags(args.subList(1, args.size()), List.of("-or-create"), positional);
      if (positional.size() != 1) {
        throw new Usage("Expected a single argument: NAME.");
      }
      Path dir = stateDir();
      String name = positional.get(0);
      Path state = dir.resolve(name + ".json");
      if (!Files.exists(state) && !name.equals("default")) {
        if (!"true".equals(flags.get("-or-create"))) {
          ERR.println("Workspace \"" + name + "\" doesn't exist.");
          return 1;
        }
        Files.createDirectories(dir);
        writeState(state, 0, JSON.createObjectNode());
        OUT.println("Created and switched to workspace \"" + name + "\"!");
      } else {
        OUT.println("Switched to workspace \"" + name + "\".");
      }
      Files.writeString(cwd.resolve(".terraform/environment"), name);
      return 0;
    } catch (Usage e) {
      ERR.println(e.getMessage());
      return 1;
    }
  }

  private Path currentState() throws IOException {
    Path environment = cwd.resolve(".terraform/environment");
    String workspace = Files.exists(environment) ? Files.readString(environment).strip() : "default";
    return stateDir().resolve(workspace + ".json");
  }

  private record State(long serial, ObjectNode resources) {}

  private State readState(Path file) throws IOException {
    if (!Files.exists(file)) {
      return new State(0, JSON.createObjectNode());
    }
    JsonNode node = JSON.readTree(file.toFile());
    return new State(node.path("serial").asLong(), (ObjectNode) node.path("resources"));
  }

  private static void writeState(Path file, long serial, ObjectNode resources) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("version", 4);
    node.put("serial", serial);
    node.set("resources", resources);
    Files.createDirectories(file.getParent());
    Files.writeString(file, JSON.writeValueAsString(node));
  }

  private int plan(List<String> args) throws IOException {
    try {
      Map<String, String> flags = flags(args,
          List.of("-destroy", "-input", "-no-color", "-detailed-exitcode", "-var-file", "-out"), new ArrayList<>());
      Path stateFile = currentState();
      State state = readState(stateFile);
      ObjectNode desired = JSON.createObjectNode();
      if (flags.containsKey("-var-file")) {
        JsonNode vars = JSON.readTree(cwd.resolve(flags.get("-var-file")).toFile());
        vars.properties().forEach(e -> desired.set(e.getKey(), e.getValue()));
      }
      String printVar = env.get("FAKE_TF_PRINT_VAR");
      if (printVar != null && desired.has(printVar)) {
        OUT.println("  + " + printVar + " = " + desired.get(printVar));
        ERR.println("Warning: value of " + printVar + " is " + desired.get(printVar).asText());
      }
      boolean destroy = flags.containsKey("-destroy");
      ObjectNode before = state.resources().deepCopy();
      if ("1".equals(env.get("FAKE_TF_DRIFT"))) {
        for (String name : before.properties().stream().map(Map.Entry::getKey).toList()) {
          before.put(name, "changed outside terraform");
        }
      }
      ArrayNode changes = JSON.createArrayNode();
      int add = 0;
      int change = 0;
      int remove = 0;
      TreeMap<String, JsonNode> all = new TreeMap<>();
      before.properties().forEach(e -> all.put(e.getKey(), e.getValue()));
      desired.properties().forEach(e -> all.putIfAbsent(e.getKey(), e.getValue()));
      for (String name : all.keySet()) {
        JsonNode was = before.get(name);
        JsonNode will = destroy ? null : desired.get(name);
        List<String> actions;
        if (was == null && will == null) {
          continue;
        } else if (was == null) {
          actions = List.of("create");
          add++;
        } else if (will == null) {
          actions = List.of("delete");
          remove++;
        } else if (was.equals(will)) {
          actions = List.of("no-op");
        } else if (name.endsWith("_force_new")) {
          actions = List.of("delete", "create");
          add++;
          remove++;
        } else {
          actions = List.of("update");
          change++;
        }
        ObjectNode rc = changes.addObject();
        rc.put("address", "terraform_data." + name);
        rc.put("mode", "managed");
        rc.put("type", "terraform_data");
        rc.put("name", name);
        rc.put("provider_name", "terraform.io/builtin/terraform");
        ObjectNode c = rc.putObject("change");
        ArrayNode a = c.putArray("actions");
        actions.forEach(a::add);
        c.set("before", was);
        c.set("after", will);
      }
      if (flags.containsKey("-out")) {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("state", stateFile.toString());
        plan.put("serial", state.serial());
        plan.set("resource_changes", changes);
        Files.writeString(cwd.resolve(flags.get("-out")), JSON.writeValueAsString(plan));
      }
      boolean any = add + change + remove > 0;
      if (any) {
        OUT.println("Plan: " + add + " to add, " + change + " to change, " + remove + " to destroy.");
      } else {
        OUT.println("No changes. Your infrastructure matches the configuration.");
      }
      return any && flags.containsKey("-detailed-exitcode") ? 2 : 0;
    } catch (Usage e) {
      ERR.println(e.getMessage());
      return 1;
    }
  }

  private int show(List<String> args) throws IOException {
    List<String> positional = new ArrayList<>();
    try {
      Map<String, String> flags = flags(args, List.of("-json", "-no-color"), positional);
      if (!flags.containsKey("-json") || positional.size() != 1) {
        throw new Usage("only `show -json PLANFILE` is faked");
      }
    } catch (Usage e) {
      ERR.println(e.getMessage());
      return 1;
    }
    Path file = cwd.resolve(positional.get(0));
    if (!Files.exists(file)) {
      ERR.println("Error: Failed to read the given file as a state or plan file");
      return 1;
    }
    JsonNode plan = JSON.readTree(file.toFile());
    ObjectNode doc = JSON.createObjectNode();
    doc.put("format_version", "1.2");
    doc.put("terraform_version", "1.9.8");
    doc.set("resource_changes", plan.get("resource_changes"));
    doc.put("errored", false);
    OUT.println(JSON.writeValueAsString(doc));
    return 0;
  }

  private int apply(List<String> args) throws IOException {
    List<String> positional = new ArrayList<>();
    try {
      flags(args, List.of("-input", "-no-color", "-auto-approve"), positional);
      if (positional.size() != 1) {
        throw new Usage("the fake applies saved plans only: apply PLANFILE");
      }
    } catch (Usage e) {
      ERR.println(e.getMessage());
      return 1;
    }
    JsonNode plan = JSON.readTree(cwd.resolve(positional.get(0)).toFile());
    Path stateFile = Path.of(plan.get("state").asText());
    State state = readState(stateFile);
    if (state.serial() != plan.get("serial").asLong()) {
      ERR.println("Error: Saved plan is stale");
      return 1;
    }
    ObjectNode resources = state.resources().deepCopy();
    boolean crash = "apply".equals(env.get("FAKE_TF_CRASH"));
    int done = 0;
    int added = 0;
    int changed = 0;
    int destroyed = 0;
    for (Iterator<JsonNode> it = plan.get("resource_changes").elements(); it.hasNext(); ) {
      JsonNode rc = it.next();
      List<String> actions = new ArrayList<>();
      rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
      String name = rc.get("name").asText();
      if (actions.equals(List.of("no-op"))) {
        continue;
      }
      if (actions.contains("delete")) {
        resources.remove(name);
        destroyed++;
      }
      if (actions.contains("create") || actions.contains("update")) {
        resources.set(name, rc.path("change").get("after"));
        if (actions.contains("update")) {
          changed++;
        } else {
          added++;
        }
      }
      OUT.println("terraform_data." + name + ": " + String.join(", ", actions) + " complete");
      done++;
      if (crash && done == 1) {
        writeState(stateFile, state.serial() + 1, resources);
        ERR.println("panic: simulated crash in the middle of apply");
        Runtime.getRuntime().halt(11);
      }
    }
    writeState(stateFile, state.serial() + 1, resources);
    OUT.println("Apply complete! Resources: " + added + " added, " + changed + " changed, " + destroyed + " destroyed.");
    return 0;
  }

  private static String sha(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
