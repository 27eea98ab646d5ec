package dev.converge.yaml.conformance;

import dev.converge.diagnostic.ConvergeException;
import dev.converge.model.InstanceId;
import dev.converge.yaml.AtmosRepository;
import dev.converge.yaml.AtmosSnapshot;
import dev.converge.yaml.AtmosStack;
import dev.converge.yaml.ResolvedComponent;
import dev.converge.yaml.StackManifest;
import dev.converge.yaml.internal.problem.Problems;
import dev.converge.yaml.internal.yaml.YamlFile;
import dev.converge.yaml.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs Atmos conformance cases: folders holding {@code repo/} (an Atmos repository) and
 * {@code expected.yaml} (what Atmos asserts about it), in the format described by the corpus's
 * README. Each case is loaded with {@link AtmosRepository} and every expected path is compared with
 * YAML equality (types matter, maps as whole maps, lists in order).
 *
 * <p>Run it on a folder of cases: {@code java -cp ... dev.converge.yaml.conformance.ConformanceRunner DIR}
 * prints the report and exits with 1 when a case fails.
 */
public final class ConformanceRunner {

  private ConformanceRunner() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ConformanceRunner <folder of cases>");
      System.exit(2);
    }
    ConformanceReport report = run(Path.of(args[0]));
    PrintStream out = System.out;
    out.print(report.render());
    System.exit(report.failed().isEmpty() ? 0 : 1);
  }

  /** Runs every case folder (one holding {@code expected.yaml}) directly under {@code root}, sorted. */
  public static ConformanceReport run(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("root (" + root + ") must be a directory of cases");
    }
    List<Path> fixtures = new ArrayList<>();
    try (Stream<Path> list = Files.list(root)) {
      list.filter(p -> Files.isRegularFile(p.resolve("expected.yaml"))).sorted().forEach(fixtures::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ConformanceReport.Builder report = ConformanceReport.builder();
    for (Path fixture : fixtures) {
      report.addAllCases(runFixture(fixture));
    }
    return report.build();
  }

  /** Runs the cases of one fixture folder. */
  public static List<CaseResult> runFixture(Path fixture) {
    return new Fixture(fixture).run();
  }

  private static final class Fixture {
    private final Path dir;
    private final String name;
    private final Map<String, Object> loads = new HashMap<>();
    /** The fixture's path in the Atmos source tree ({@code fixture}): Atmos's tests set it as base_path. */
    private String atmosFixture = "";

    Fixture(Path dir) {
      this.dir = dir;
      this.name = dir.getFileName().toString();
    }

    List<CaseResult> run() {
      Map<String, Object> expected = readYaml(dir.resolve("expected.yaml"));
      Map<String, Object> defaults = map(expected.get("defaults"));
      atmosFixture = expected.get("fixture") instanceof String f ? f : "";
      List<CaseResult> results = new ArrayList<>();
      for (Object entry : list(expected.get("cases"))) {
        Map<String, Object> c = new LinkedHashMap<>(defaults);
        c.putAll(map(entry));
        Check check = new Check();
        String kind = String.valueOf(c.get("kind"));
        try {
          runCase(kind, c, check);
        } catch (RuntimeException e) {
          check.fail("unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        results.add(CaseResult.builder().fixture(name).id(String.valueOf(c.get("id"))).kind(kind)
            .assertions(check.count).addAllFailures(check.failures).build());
      }
      return results;
    }

    /** A snapshot, or the exception of the load, cached per distinct configuration. */
    private Object load(Map<String, Object> c, Optional<List<String>> manifests) {
      Map<String, Object> overrides = map(c.get("atmos_config"));
      // the environment the Atmos test set (ATMOS_CLI_CONFIG_PATH, ATMOS_BASE_PATH), relative to repo/
      Map<String, String> environment = new TreeMap<>();
      map(c.get("env")).forEach((k, v) -> environment.put(k, String.valueOf(v)));
      String key = overrides + "|" + environment + "|" + manifests;
      return loads.computeIfAbsent(key, k -> {
        AtmosRepository.Builder b = AtmosRepository.builder(dir.resolve("repo"));
        overrides.forEach(b::atmosConfig);
        if (!environment.isEmpty()) {
          b.environment(environment);
        }
        manifests.ifPresent(m -> b.manifests(new LinkedHashSet<>(m)));
        try {
          return b.build().load();
        } catch (ConvergeException e) {
          return e;
        }
      });
    }

    private AtmosSnapshot snapshot(Map<String, Object> c, Optional<List<String>> manifests, Check check) {
      Object loaded = load(c, manifests);
      if (loaded instanceof ConvergeException e) {
        check.fail("load failed: " + e.problems().stream().filter(p -> p.isError()).map(p -> p.render())
            .collect(java.util.stream.Collectors.joining("; ")));
        return null;
      }
      return (AtmosSnapshot) loaded;
    }

    private Optional<List<String>> together(Map<String, Object> c) {
      return c.containsKey("files_loaded_together") ? Optional.of(strings(c.get("files_loaded_together")))
          : Optional.empty();
    }

    private void runCase(String kind, Map<String, Object> c, Check check) {
      switch (kind) {
        case "component" -> component(c, check);
        case "manifest" -> manifest(c, check);
        case "stack_file" -> stackFile(c, check);
        case "stacks" -> stacks(c, check);
        case "dependents" -> dependents(c, check);
        case "error" -> error(c, check);
        case "operation" -> operation(c, check);
        case "affected" -> affected(c, check);
        case "locals" -> locals(c, check);
        case "validate" -> {
          check.count++;
          snapshot(c, Optional.empty(), check);
        }
        default -> {
          check.count++;
          check.fail("kind `" + kind + "` is not supported by the runner");
        }
      }
    }

    private void component(Map<String, Object> c, Check check) {
      AtmosSnapshot s = snapshot(c, Optional.empty(), check);
      if (s == null) {
        return;
      }
      String stack = String.valueOf(c.get("stack"));
      String component = String.valueOf(c.get("component"));
      String type = String.valueOf(c.getOrDefault("component_type", "terraform"));
      boolean anyStack = Boolean.FALSE.equals(c.get("stack_asserted"));
      Optional<ResolvedComponent> found = s.components().stream()
          .filter(r -> r.component().equals(component) && r.type().equals(type)
              && (anyStack || r.stack().equals(stack)))
          .findFirst();
      if (found.isEmpty()) {
        check.count++;
        check.fail("no component " + component + " in stack " + stack + "; stacks: "
            + s.stacks().stream().map(AtmosStack::name).toList());
        return;
      }
      Map<String, Object> view = new LinkedHashMap<>(found.get().configuration());
      if ("describe_stacks".equals(c.get("view"))) {
        found.get().describeStacksWorkspace().ifPresent(w -> view.put("workspace", w));
      }
      matchers(c, view, check);
    }

    private void manifest(Map<String, Object> c, Check check) {
      String file = String.valueOf(c.get("file"));
      AtmosSnapshot s = snapshot(c, Optional.of(together(c).orElse(List.of(file))), check);
      if (s == null) {
        return;
      }
      Optional<StackManifest> m = s.manifest(file);
      if (m.isEmpty()) {
        check.count++;
        check.fail("no manifest " + file);
        return;
      }
      matchers(c, m.get().document(), check);
    }

    private Map<String, Object> stackFileView(AtmosSnapshot s, String file) {
      Map<String, Object> view = new LinkedHashMap<>();
      Optional<StackManifest> m = s.manifest(file);
      m.ifPresent(x -> {
        view.put("imports", x.imports());
        x.explicitName().ifPresent(n -> view.put("name", n));
      });
      Map<String, Object> components = new LinkedHashMap<>();
      for (ResolvedComponent r : s.components()) {
        if (r.manifest().equals(file)) {
          @SuppressWarnings("unchecked")
          Map<String, Object> byName = (Map<String, Object>) components.computeIfAbsent(r.type(), t -> new LinkedHashMap<>());
          byName.put(r.component(), r.configuration());
        }
      }
      view.put("components", components);
      return view;
    }

    private void stackFile(Map<String, Object> c, Check check) {
      AtmosSnapshot s = snapshot(c, together(c), check);
      if (s == null) {
        return;
      }
      String file = String.valueOf(c.get("stack_file"));
      if (s.manifest(file).isEmpty()) {
        check.count++;
        check.fail("no manifest " + file);
        return;
      }
      matchers(c, stackFileView(s, file), check);
    }

    /**
     * {@code atmos describe locals -s <stack>}: the locals of the manifest named by {@code stack}
     * (its file name, or a logical stack name of its components), as Atmos shows them.
     */
    private void locals(Map<String, Object> c, Check check) {
      AtmosSnapshot s = snapshot(c, Optional.empty(), check);
      if (s == null) {
        return;
      }
      String stack = String.valueOf(c.get("stack"));
      Optional<StackManifest> m = s.manifests().stream()
          .filter(x -> x.name().equals(stack) || x.stacks().contains(stack)).findFirst();
      if (m.isEmpty()) {
        check.count++;
        check.fail("no manifest of stack " + stack);
        return;
      }
      matchers(c, m.get().locals(), check);
    }

    private void stacks(Map<String, Object> c, Check check) {
      AtmosSnapshot s = snapshot(c, together(c), check);
      if (s == null) {
        return;
      }
      Map<String, Object> expect = map(c.get("expect"));
      Map<String, Object> filter = map(c.get("filter"));
      List<AtmosStack> stacks = new ArrayList<>();
      for (AtmosStack st : s.stacks()) {
        if (filter.containsKey("stack") && !filter.get("stack").equals(st.name())
            && st.manifests().stream().noneMatch(filter.get("stack")::equals)) {
          continue;
        }
        if (filter.containsKey("components")) {
          List<String> wanted = strings(filter.get("components"));
          List<String> types = filter.containsKey("component_types") ? strings(filter.get("component_types")) : null;
          boolean any = st.components().entrySet().stream()
              .filter(e -> types == null || types.contains(e.getKey()))
              .anyMatch(e -> e.getValue().stream().anyMatch(wanted::contains));
          if (!any) {
            continue;
          }
        }
        stacks.add(st);
      }
      Set<String> names = new TreeSet<>();
      stacks.forEach(st -> names.add(st.name()));
      for (Map.Entry<String, Object> e : expect.entrySet()) {
        switch (e.getKey()) {
          case "names" -> check.equal("names", new TreeSet<>(strings(e.getValue())), names);
          case "names_include" -> strings(e.getValue()).forEach(n -> check.that(names.contains(n), "names include " + n + ": " + names));
          case "names_exclude" -> strings(e.getValue()).forEach(n -> check.that(!names.contains(n), "names exclude " + n + ": " + names));
          case "count" -> check.equal("count", e.getValue(), (long) stacks.size());
          case "stack_files" -> check.equal("stack_files", strings(e.getValue()),
              s.manifests().stream().map(StackManifest::name).toList());
          case "components", "components_include" -> {
            boolean exact = e.getKey().equals("components");
            for (Map.Entry<String, Object> st : map(e.getValue()).entrySet()) {
              Optional<AtmosStack> actual = stacks.stream().filter(x -> x.name().equals(st.getKey())).findFirst();
              for (Map.Entry<String, Object> t : map(st.getValue()).entrySet()) {
                Set<String> want = new TreeSet<>(strings(t.getValue()));
                Set<String> have = new TreeSet<>(actual.map(a -> a.components().getOrDefault(t.getKey(), List.of()))
                    .orElse(List.of()));
                if (exact) {
                  check.equal(e.getKey() + "." + st.getKey() + "." + t.getKey(), want, have);
                } else {
                  want.forEach(w -> check.that(have.contains(w), st.getKey() + " has " + t.getKey() + " " + w + ": " + have));
                }
              }
            }
          }
          default -> {
            check.count++;
            check.fail("unknown stacks expectation " + e.getKey());
          }
        }
      }
    }

    private void dependents(Map<String, Object> c, Check check) {
      AtmosSnapshot s = snapshot(c, Optional.empty(), check);
      if (s == null) {
        return;
      }
      InstanceId target = InstanceId.of(String.valueOf(c.get("stack")), String.valueOf(c.get("component")));
      List<Map<String, Object>> actual = new ArrayList<>();
      for (ResolvedComponent d : s.dependents(target)) {
        Map<String, Object> item = item(d);
        for (String field : List.of("namespace", "tenant", "environment", "stage")) {
          if (d.vars().get(field) != null) {
            item.put(field, d.vars().get(field));
          }
        }
        actual.add(item);
      }
      List<Object> expected = list(c.get("expect"));
      check.count += Math.max(1, expected.size());
      List<Map<String, Object>> unmatched = new ArrayList<>(actual);
      for (Map<String, Object> want : unpaired(expected, unmatched)) {
        check.fail("missing dependent " + want + "; actual " + actual);
      }
      if (!unmatched.isEmpty()) {
        check.fail("unexpected dependents " + unmatched);
      }
    }

    private void error(Map<String, Object> c, Check check) {
      String operation = String.valueOf(c.get("operation"));
      Optional<List<String>> manifests = operation.equals("load_manifest")
          ? Optional.of(List.of(String.valueOf(c.get("file")))) : Optional.empty();
      Object loaded = load(c, manifests);
      String message = null;
      ConvergeException refused = null;
      if (loaded instanceof ConvergeException e) {
        refused = e;
      } else if (operation.equals("describe_component")) {
        try {
          ((AtmosSnapshot) loaded).describeComponent(String.valueOf(c.get("component")), String.valueOf(c.get("stack")));
        } catch (ConvergeException e) {
          refused = e;
        }
      }
      check.count++;
      if (refused == null) {
        check.fail(operation + " succeeded; an error was expected");
        return;
      }
      message = refused.getMessage();
      if (!(loaded instanceof AtmosSnapshot)) {
        // a file Atmos refuses is refused here with a problem that says where
        check.that(refused.problems().stream().anyMatch(p -> p.isError() && p.location().isPresent()),
            "the refusal has a located problem: " + message);
      }
      for (String part : strings(c.get("message_contains"))) {
        String m = message;
        check.that(m.contains(part), "error message contains `" + part + "`: " + m);
      }
    }

    /**
     * {@code describe affected}, Atmos-shaped, from two snapshots: HEAD ({@code head} as the stacks
     * folder) and BASE (the {@code base} folder in place of the stacks folder, or an empty repository
     * when {@code base} is null). A HEAD component that is new, or whose sections differ, is affected
     * ({@code stack.metadata} when new, else {@code stack.<section>}); a BASE component gone from HEAD
     * is {@code deleted} (its stack still exists) or {@code deleted.stack}. Abstract and disabled
     * components are never reported; locked ones are dropped with {@code exclude_locked}. With
     * {@code include_dependents}, each item gets Atmos's dependents tree and
     * {@code included_in_dependents}; {@code process_templates: false} loads both sides with templates
     * off, as Atmos then compares and prints the values as written.
     */
    private void affected(Map<String, Object> c, Check check) {
      Map<String, Object> options = map(c.get("options"));
      Map<String, Object> sharedConfig = new LinkedHashMap<>(map(c.get("atmos_config")));
      if (Boolean.FALSE.equals(options.get("process_templates"))) {
        // Atmos's --process-templates=false: component values kept as written on both sides
        sharedConfig.put("templates.settings.enabled", false);
      }
      c = new LinkedHashMap<>(c);
      c.put("atmos_config", sharedConfig);
      Map<String, Object> headConfig = new LinkedHashMap<>(map(c.get("atmos_config")));
      headConfig.put("stacks.base_path", String.valueOf(c.getOrDefault("head", "stacks")));
      Map<String, Object> headCase = new LinkedHashMap<>(c);
      headCase.put("atmos_config", headConfig);
      AtmosSnapshot head = snapshot(headCase, Optional.empty(), check);
      if (head == null) {
        return;
      }
      List<ResolvedComponent> base = List.of();
      if (c.get("base") != null) {
        Map<String, Object> baseConfig = new LinkedHashMap<>(map(c.get("atmos_config")));
        baseConfig.put("stacks.base_path", String.valueOf(c.get("base")));
        Map<String, Object> baseCase = new LinkedHashMap<>(c);
        baseCase.put("atmos_config", baseConfig);
        AtmosSnapshot b = snapshot(baseCase, Optional.empty(), check);
        if (b == null) {
          return;
        }
        base = b.components();
      }
      boolean excludeLocked = Boolean.TRUE.equals(options.get("exclude_locked"));
      Object stackFilter = options.get("stack");
      Map<String, ResolvedComponent> baseByKey = new LinkedHashMap<>();
      base.forEach(r -> baseByKey.put(r.type() + "|" + r.stack() + "|" + r.component(), r));
      Set<String> headStacks = new TreeSet<>();
      head.components().forEach(r -> headStacks.add(r.stack()));
      List<Map<String, Object>> items = new ArrayList<>();
      List<ResolvedComponent> affectedComponents = new ArrayList<>();
      for (ResolvedComponent r : head.components()) {
        if (r.isAbstract() || !r.enabled() || (excludeLocked && r.locked())) {
          continue;
        }
        ResolvedComponent before = baseByKey.get(r.type() + "|" + r.stack() + "|" + r.component());
        List<String> reasons = new ArrayList<>();
        if (before == null) {
          reasons.add("stack.metadata");
        } else {
          for (String section : List.of("metadata", "vars", "env", "providers", "required_providers",
              "required_version", "generate", "backend", "backend_type", "remote_state_backend",
              "remote_state_backend_type", "auth", "command", "dependencies", "source", "provision", "settings")) {
            if (!Objects.equals(r.configuration().get(section), before.configuration().get(section))) {
              reasons.add("stack." + section);
            }
          }
          if (!Objects.equals(r.sourceDigest(), before.sourceDigest())) {
            reasons.add(1, "component");
          }
        }
        if (!reasons.isEmpty()) {
          Map<String, Object> item = item(r);
          item.put("affected", reasons.get(0));
          item.put("affected_all", reasons);
          item.put("included_in_dependents", false);
          if (Boolean.TRUE.equals(options.get("include_settings"))) {
            item.put("settings", r.configuration().getOrDefault("settings", Map.of()));
          }
          items.add(item);
          affectedComponents.add(r);
        }
      }
      Set<String> headKeys = new LinkedHashSet<>();
      head.components().forEach(r -> headKeys.add(r.type() + "|" + r.stack() + "|" + r.component()));
      for (Map.Entry<String, ResolvedComponent> e : baseByKey.entrySet()) {
        ResolvedComponent r = e.getValue();
        if (r.isAbstract() || headKeys.contains(e.getKey())) {
          continue;
        }
        Map<String, Object> item = item(r);
        boolean stackGone = !headStacks.contains(r.stack());
        item.put("affected", stackGone ? "deleted.stack" : "deleted");
        item.put("deleted", true);
        item.put("deletion_type", stackGone ? "stack" : "component");
        item.put("included_in_dependents", false);
        if (Boolean.TRUE.equals(options.get("include_dependents"))) {
          item.put("dependents", List.of());
        }
        items.add(item);
        affectedComponents.add(null);
      }
      for (int i = items.size() - 1; i >= 0; i--) {
        if (stackFilter != null && !stackFilter.equals(items.get(i).get("stack"))) {
          items.remove(i);
          affectedComponents.remove(i);
        }
      }
      if (Boolean.TRUE.equals(options.get("include_dependents"))) {
        Object onlyIn = options.get("dependents_only_in_stack");
        boolean settings = Boolean.TRUE.equals(options.get("include_settings"));
        for (int i = 0; i < items.size(); i++) {
          ResolvedComponent r = affectedComponents.get(i);
          if (r != null && (onlyIn == null || onlyIn.equals(r.stack()))) {
            items.get(i).put("dependents", dependentsTree(head, r, onlyIn, settings, new ArrayList<>()));
          }
        }
        includedInDependents(items);
      }
      items.forEach(ConformanceRunner.Fixture.this::atmosPaths);
      compareAffected(c, items, check);
    }

    /** Every component_path of an affected item and its dependents tree, as Atmos's affected tests print it. */
    private void atmosPaths(Map<String, Object> item) {
      item.put("component_path", atmosPath(item.get("component_path")));
      dependentsOf(item).forEach(this::atmosPaths);
    }

    /**
     * Atmos's {@code dependents} tree of one affected component ({@code addDependentsToAffected},
     * {@code addDependentsToDependents}): each dependent with its own dependents, sorted by stack slug
     * at every level, limited to one stack when {@code dependents_only_in_stack} is given. A
     * dependent already on the path is not expanded again (Atmos would recurse without end).
     */
    private List<Map<String, Object>> dependentsTree(AtmosSnapshot s, ResolvedComponent target, Object onlyIn,
        boolean settings, List<String> path) {
      path.add(target.stack() + "|" + target.component());
      List<Map<String, Object>> result = new ArrayList<>();
      for (ResolvedComponent d : s.dependents(InstanceId.of(target.stack(), target.component()))) {
        if (onlyIn != null && !onlyIn.equals(d.stack())) {
          continue;
        }
        Map<String, Object> item = item(d);
        for (String field : List.of("namespace", "tenant", "environment", "stage")) {
          if (d.vars().get(field) != null) {
            item.put(field, d.vars().get(field));
          }
        }
        item.put("included_in_dependents", false);
        if (settings) {
          item.put("settings", d.configuration().getOrDefault("settings", Map.of()));
        }
        item.put("dependents", path.contains(d.stack() + "|" + d.component()) ? List.of()
            : dependentsTree(s, d, onlyIn, settings, path));
        result.add(item);
      }
      path.remove(path.size() - 1);
      result.sort(java.util.Comparator.comparing((Map<String, Object> m) -> String.valueOf(m.get("stack_slug")))
          .thenComparing(m -> String.valueOf(m.get("component"))).thenComparing(m -> String.valueOf(m.get("stack"))));
      return result;
    }

    /**
     * Atmos's {@code included_in_dependents} ({@code processIncludedInDependencies}): an affected item
     * whose stack slug appears in another item's dependents tree is marked; in the trees of the items
     * that are not, each dependent is marked when its slug appears among its peers or their trees.
     */
    private static void includedInDependents(List<Map<String, Object>> items) {
      for (int i = 0; i < items.size(); i++) {
        Object slug = items.get(i).get("stack_slug");
        boolean included = false;
        for (int j = 0; j < items.size() && !included; j++) {
          included = j != i && inTree(dependentsOf(items.get(j)), slug, -1);
        }
        items.get(i).put("included_in_dependents", included);
        if (!included) {
          markPeers(dependentsOf(items.get(i)));
        }
      }
    }

    private static void markPeers(List<Map<String, Object>> dependents) {
      for (int i = 0; i < dependents.size(); i++) {
        Map<String, Object> d = dependents.get(i);
        d.put("included_in_dependents", inTree(dependents, d.get("stack_slug"), i));
        markPeers(dependentsOf(d));
      }
    }

    /** Whether a dependent of {@code dependents} (other than index {@code skip}) or its tree has the slug. */
    private static boolean inTree(List<Map<String, Object>> dependents, Object slug, int skip) {
      for (int i = 0; i < dependents.size(); i++) {
        if (i == skip) {
          continue;
        }
        Map<String, Object> d = dependents.get(i);
        if (slug.equals(d.get("stack_slug")) || inTree(dependentsOf(d), slug, -1)) {
          return true;
        }
      }
      return false;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> dependentsOf(Map<String, Object> item) {
      return item.get("dependents") instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private Map<String, Object> item(ResolvedComponent r) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("component", r.component());
      item.put("component_type", r.type());
      item.put("component_path", map(r.configuration().get("component_info")).get("component_path"));
      item.put("stack", r.stack());
      item.put("stack_slug", r.stack() + "-" + r.component().replace('/', '-'));
      return item;
    }

    /**
     * A component path as Atmos's describe-affected tests print it ({@code BuildComponentPath}:
     * base_path joined with the components' base path and the folder, cleaned): those tests set
     * base_path to the fixture's folder in the Atmos source tree ({@code setupDescribeAffectedTest}),
     * so the path from the repository is resolved against {@code fixture}.
     */
    private Object atmosPath(Object fromRepository) {
      if (!(fromRepository instanceof String p) || atmosFixture.isEmpty()) {
        return fromRepository;
      }
      return Path.of(atmosFixture).resolve(p).normalize().toString().replace('\\', '/');
    }

    /**
     * Pairs each expected item with the first of {@code unmatched} that has all its fields, removing
     * it there; returns the expected items nothing matched.
     */
    private List<Map<String, Object>> unpaired(List<Object> expected, List<Map<String, Object>> unmatched) {
      List<Map<String, Object>> missing = new ArrayList<>();
      for (Object e : expected) {
        Map<String, Object> want = map(e);
        Optional<Map<String, Object>> hit = unmatched.stream()
            .filter(a -> want.entrySet().stream().allMatch(w -> yamlEquals(w.getValue(), a.get(w.getKey()))))
            .findFirst();
        if (hit.isPresent()) {
          unmatched.remove(hit.get());
        } else {
          missing.add(want);
        }
      }
      return missing;
    }

    private void compareAffected(Map<String, Object> c, List<Map<String, Object>> actual, Check check) {
      boolean contains = "contains".equals(c.get("match"));
      List<Map<String, Object>> unmatched = new ArrayList<>(actual);
      List<Object> expected = list(c.get("expect"));
      check.count += expected.size();
      for (Map<String, Object> want : unpaired(expected, unmatched)) {
        check.fail("missing affected item " + want);
      }
      if (!contains && c.containsKey("expect") && !unmatched.isEmpty()) {
        check.fail("unexpected affected items " + unmatched);
      }
      if (c.get("expect_min_count") instanceof Number min) {
        check.that(actual.size() >= min.intValue(), "at least " + min + " affected items: " + actual.size());
      }
      for (Map.Entry<String, Object> e : map(c.get("expect_counts")).entrySet()) {
        long n = switch (e.getKey()) {
          case "deleted_with_deletion_type_component" -> actual.stream().filter(a -> "component".equals(a.get("deletion_type"))).count();
          case "deleted_with_deletion_type_stack" -> actual.stream().filter(a -> "stack".equals(a.get("deletion_type"))).count();
          case "deleted_total" -> actual.stream().filter(a -> Boolean.TRUE.equals(a.get("deleted"))).count();
          default -> -1;
        };
        check.equal(e.getKey(), e.getValue(), n);
      }
      if (c.get("expect_all_deleted_in_stack") != null) {
        Object stack = c.get("expect_all_deleted_in_stack");
        check.that(actual.stream().filter(a -> Boolean.TRUE.equals(a.get("deleted"))).allMatch(a -> stack.equals(a.get("stack"))),
            "every deleted item in " + stack);
      }
      for (String name : strings(c.get("expect_not_reported_components"))) {
        check.that(actual.stream().noneMatch(a -> name.equals(a.get("component"))), name + " is not reported");
      }
    }

    private void operation(Map<String, Object> c, Check check) {
      AtmosSnapshot s = snapshot(c, Optional.empty(), check);
      if (s == null) {
        return;
      }
      Optional<ResolvedComponent> r = s.component(String.valueOf(c.get("stack")), String.valueOf(c.get("component")));
      check.count++;
      if (r.isEmpty()) {
        check.fail("no component " + c.get("component") + " in stack " + c.get("stack"));
        return;
      }
      Optional<String> refusal = r.get().refusal(String.valueOf(c.get("command")));
      check.equal("allowed", c.get("allowed"), refusal.isEmpty());
      for (String part : strings(c.get("message_contains"))) {
        check.that(refusal.orElse("").contains(part), "refusal contains `" + part + "`: " + refusal.orElse(""));
      }
    }

    private void matchers(Map<String, Object> c, Map<String, Object> view, Check check) {
      for (Map.Entry<String, Object> e : map(c.get("expect")).entrySet()) {
        check.equal(e.getKey(), e.getValue(), Paths.get(view, e.getKey()));
      }
      for (String path : strings(c.get("expect_absent"))) {
        Object actual = Paths.get(view, path);
        check.that(actual == Missing.VALUE || actual == null, path + " is absent: " + actual);
      }
      for (String path : strings(c.get("expect_present"))) {
        Object actual = Paths.get(view, path);
        check.that(actual != Missing.VALUE, path + " is present");
      }
      for (Map.Entry<String, Object> e : map(c.get("expect_contains")).entrySet()) {
        Object actual = Paths.get(view, e.getKey());
        for (Object item : list(e.getValue())) {
          check.that(actual instanceof List<?> l && l.stream().anyMatch(a -> yamlEquals(item, a)),
              e.getKey() + " contains " + item + ": " + actual);
        }
      }
      for (Map.Entry<String, Object> e : map(c.get("expect_substring")).entrySet()) {
        Object actual = Paths.get(view, e.getKey());
        check.that(actual instanceof String str && str.contains(String.valueOf(e.getValue())),
            e.getKey() + " contains `" + e.getValue() + "`: " + actual);
      }
      for (Map.Entry<String, Object> e : map(c.get("expect_len")).entrySet()) {
        Object actual = Paths.get(view, e.getKey());
        int size = actual instanceof List<?> l ? l.size() : actual instanceof Map<?, ?> m ? m.size() : -1;
        check.equal(e.getKey() + " length", e.getValue(), (long) size);
      }
      if (Boolean.TRUE.equals(c.get("expect_no_error"))) {
        check.count++;
      }
    }
  }

  private enum Missing {
    VALUE;

    @Override
    public String toString() {
      return "<missing>";
    }
  }

  /** Counts checks and collects failures. */
  private static final class Check {
    int count;
    final List<String> failures = new ArrayList<>();

    void fail(String message) {
      failures.add(message.length() > 600 ? message.substring(0, 600) + "..." : message);
    }

    void that(boolean ok, String message) {
      count++;
      if (!ok) {
        fail(message);
      }
    }

    void equal(String what, Object expected, Object actual) {
      count++;
      if (!yamlEquals(expected, actual)) {
        fail(what + ": expected " + expected + " but was " + actual);
      }
    }
  }

  /** YAML equality: types matter ({@code "2"} is not {@code 2}), maps as maps, lists in order. */
  static boolean yamlEquals(Object expected, Object actual) {
    if (expected instanceof Map<?, ?> e && actual instanceof Map<?, ?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : e.entrySet()) {
        if (!a.containsKey(String.valueOf(entry.getKey()))
            || !yamlEquals(entry.getValue(), a.get(String.valueOf(entry.getKey())))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof List<?> e && actual instanceof List<?> a) {
      if (e.size() != a.size()) {
        return false;
      }
      for (int i = 0; i < e.size(); i++) {
        if (!yamlEquals(e.get(i), a.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (expected instanceof Number e && actual instanceof Number a) {
      boolean ei = !(e instanceof Double || e instanceof Float);
      boolean ai = !(a instanceof Double || a instanceof Float);
      return ei == ai && (ei ? e.longValue() == a.longValue() : e.doubleValue() == a.doubleValue());
    }
    return Objects.equals(expected, actual);
  }

  /** Path syntax of the corpus: {@code a.b[0]["key.with.dots"]}. */
  static final class Paths {
    private Paths() {}

    static List<Object> parse(String path) {
      List<Object> segments = new ArrayList<>();
      StringBuilder key = new StringBuilder();
      int i = 0;
      while (i < path.length()) {
        char ch = path.charAt(i);
        if (ch == '.') {
          if (key.length() > 0) {
            segments.add(key.toString());
            key.setLength(0);
          }
          i++;
        } else if (ch == '[') {
          if (key.length() > 0) {
            segments.add(key.toString());
            key.setLength(0);
          }
          int end = path.indexOf(']', i);
          String inner = path.substring(i + 1, end);
          if (inner.startsWith("\"")) {
            end = path.indexOf("\"]", i + 2) + 1;
            segments.add(path.substring(i + 2, end - 1));
          } else {
            segments.add(Integer.parseInt(inner));
          }
          i = end + 1;
        } else {
          key.append(ch);
          i++;
        }
      }
      if (key.length() > 0) {
        segments.add(key.toString());
      }
      return segments;
    }

    /** The value at {@code path} (possibly null), or {@link Missing#VALUE}. */
    static Object get(Object root, String path) {
      Object current = root;
      for (Object segment : parse(path)) {
        if (segment instanceof Integer index) {
          if (!(current instanceof List<?> l) || index >= l.size()) {
            return Missing.VALUE;
          }
          current = l.get(index);
        } else {
          if (!(current instanceof Map<?, ?> m) || !m.containsKey(segment)) {
            return Missing.VALUE;
          }
          current = m.get(segment);
        }
      }
      return current;
    }
  }

  private static Map<String, Object> readYaml(Path file) {
    try {
      Problems problems = new Problems();
      Optional<YamlFile> yaml = YamlReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8), problems);
      problems.throwIfErrors();
      return map(yaml.map(YamlFile::value).orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static List<Object> list(Object value) {
    return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
  }

  private static List<String> strings(Object value) {
    List<String> result = new ArrayList<>();
    for (Object o : list(value)) {
      result.add(String.valueOf(o));
    }
    if (value instanceof String s) {
      result.add(s);
    }
    return result;
  }
}
