package dev.converge.cli.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.plan.Action;
import dev.converge.plan.ActionCause;
import dev.converge.plan.EnvironmentPlan;
import dev.converge.plan.Gate;
import dev.converge.plan.RolloutPlan;
import dev.converge.plan.StaleRecord;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code converge plan --format json} ({@code converge.plan/v1}) and {@code --format github}. */
public final class PlanJson {

  public static final String SCHEMA = "converge.plan/v1";

  private PlanJson() {}

  /**
   * The plan document pretty-printed into {@code out} as it is made, one action at a time: the
   * document of a plan of half a million instances is millions of nodes, which are never all held at
   * once.
   */
  public static void print(RolloutPlan plan, java.io.PrintWriter out) {
    print(plan, out, RUN, Runtime.getRuntime().availableProcessors());
  }

  /**
   * {@link #print}, rendering an environment's actions in runs of {@code run} on {@code threads}
   * threads when it has more than one run of them: a plan of half a million instances is half a
   * gigabyte of text, whose rendering one thread would do alone after planning.
   */
  static void print(RolloutPlan plan, java.io.PrintWriter out, int run, int threads) {
    try (ActionRuns runs = new ActionRuns(run, threads)) {
      Json.stream(out, g -> write(plan, g, runs));
    }
  }

  /** The plan document as a tree: what {@link #print} writes. */
  public static ObjectNode of(RolloutPlan plan) {
    return Json.written(g -> write(plan, g, ActionsWriter.IN_PLACE));
  }

  /** How an environment's actions are written into the document. */
  @FunctionalInterface
  interface ActionsWriter {
    void write(List<Action> actions, JsonGenerator g) throws java.io.IOException;

    /** One after the other, into the generator. */
    ActionsWriter IN_PLACE = (actions, g) -> {
      for (Action action : actions) {
        action(action, g);
      }
    };
  }

  /** Actions per run when they are rendered apart. */
  static final int RUN = 2048;

  /** How deep an environment's actions are in the document: root, environments, environment, actions. */
  private static final int ACTION_DEPTH = 4;

  /**
   * Writes long lists of actions as runs rendered by a pool of threads while this thread writes the
   * finished runs in order; at most two runs per thread are pending at once, and their buffers are
   * used again. Each run is one raw element of the actions array, its text the actions as the
   * document has them ({@link Json#prettyAt}). Short lists, and any list with one thread, are
   * written in place.
   */
  private static final class ActionRuns implements ActionsWriter, AutoCloseable {
    private final int run;
    private final int threads;
    private ExecutorService pool;
    /** Buffers whose text has been written, for the next runs: a plan renders hundreds of runs. */
    private final Queue<Text> free = new ConcurrentLinkedQueue<>();

    ActionRuns(int run, int threads) {
      this.run = run;
      this.threads = threads;
    }

    @Override
    public void write(List<Action> actions, JsonGenerator g) throws java.io.IOException {
      if (actions.size() <= run || threads == 1) {
        IN_PLACE.write(actions, g);
        return;
      }
      if (pool == null) {
        pool = Executors.newFixedThreadPool(threads, task -> {
          Thread thread = new Thread(task, "converge-json");
          thread.setDaemon(true);
          return thread;
        });
      }
      ArrayDeque<Future<Text>> pending = new ArrayDeque<>();
      int next = 0;
      while (next < actions.size() || !pending.isEmpty()) {
        while (next < actions.size() && pending.size() < 2 * threads) {
          List<Action> slice = actions.subList(next, Math.min(actions.size(), next + run));
          pending.add(pool.submit(() -> rendered(slice, free)));
          next += slice.size();
        }
        Text text = finished(pending.remove());
        g.writeRawValue(text.chars(), 0, text.size());
        text.reset();
        free.add(text);
      }
    }

    /** A run's text, read in place. */
    private static final class Text extends java.io.CharArrayWriter {
      Text(int size) {
        super(size);
      }

      char[] chars() {
        return buf;
      }
    }

    /** A run's text, rendered into a buffer an earlier run used when there is one. */
    private static Text rendered(List<Action> actions, Queue<Text> free) throws java.io.IOException {
      Text text = free.poll();
      if (text == null) {
        text = new Text(actions.size() * 512);
      }
      try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(text)) {
        g.setPrettyPrinter(Json.prettyAt(ACTION_DEPTH));
        IN_PLACE.write(actions, g);
      }
      return text;
    }

    private static Text finished(Future<Text> run) throws java.io.IOException {
      try {
        return run.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new java.io.InterruptedIOException("interrupted while writing the plan");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof java.io.IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error; // out of memory above all: the command line says how to give the heap more
        }
        throw new IllegalStateException(e.getCause());
      }
    }

    @Override
    public void close() {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  /** The one description of the plan document, for {@link #print} and {@link #of}. */
  private static void write(RolloutPlan plan, JsonGenerator g, ActionsWriter actions) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("schema", SCHEMA);
    g.writeStringField("revision", plan.revision());
    g.writeStringField("at", plan.at().toString());
    g.writeArrayFieldStart("environments");
    for (EnvironmentPlan environment : plan.environments()) {
      g.writeStartObject();
      g.writeStringField("name", environment.name());
      g.writeFieldName("gate");
      g.writeTree(gate(environment.gate()));
      if (environment.earliestAt().isPresent()) {
        g.writeStringField("earliest_at", environment.earliestAt().get().toString());
      }
      g.writeArrayFieldStart("actions");
      actions.write(environment.actions(), g);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("next");
    for (Action action : plan.next()) {
      nextAction(action, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("stale");
    for (StaleRecord record : plan.stale()) {
      g.writeTree(stale(record));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("problems");
    for (dev.converge.diagnostic.Problem problem : plan.problems()) {
      g.writeTree(Json.problem(problem));
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * {@code next} as a GitHub Actions matrix: {@code {"include": [{environment, stack, component,
   * kind, wave}, ...]}}, for {@code strategy.matrix: ${{ fromJson(needs.plan.outputs.matrix) }}}.
   * An empty {@code next} gives {@code {"include": []}}; guard the job with
   * {@code if: fromJson(needs.plan.outputs.matrix).include[0]}.
   */
  public static ObjectNode githubMatrix(RolloutPlan plan) {
    return Json.written(g -> {
      g.writeStartObject();
      g.writeArrayFieldStart("include");
      for (Action action : plan.next()) {
        nextAction(action, g);
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  private static ObjectNode gate(Gate gate) {
    ObjectNode node = Json.object();
    node.put("state", gate.state().word());
    Json.strings(node, "reasons", gate.reasons());
    Json.conditions(node, gate.conditions());
    gate.opensAt().ifPresent(t -> node.put("opens_at", t.toString()));
    return node;
  }

  /**
   * An action, written field by field: the document's bulk (a plan of a thousand stacks has a hundred
   * thousand of them), so no tree is made for it.
   */
  private static void action(Action action, JsonGenerator g) throws java.io.IOException {
    g.writeStartObject();
    what(action, g);
    optional(g, "from_revision", action.fromRevision());
    g.writeStringField("to_revision", action.toRevision());
    g.writeArrayFieldStart("reasons");
    for (String reason : action.reasons()) {
      g.writeString(reason);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("causes");
    for (ActionCause c : action.causes()) {
      g.writeStartObject();
      g.writeStringField("kind", c.kind().word());
      optional(g, "from", c.from());
      optional(g, "to", c.to());
      optional(g, "since", c.since());
      optional(g, "detail", c.detail());
      g.writeStringField("text", c.text());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void nextAction(Action action, JsonGenerator g) throws java.io.IOException {
    g.writeStartObject();
    g.writeStringField("environment", action.environment());
    what(action, g);
    g.writeEndObject();
  }

  /** The fields every action has, in both lists: where, which folder, what kind, in which wave. */
  private static void what(Action action, JsonGenerator g) throws java.io.IOException {
    g.writeStringField("stack", action.stack());
    g.writeStringField("component", action.component());
    g.writeStringField("folder", action.folder());
    g.writeStringField("kind", action.kind().word());
    if (action.wave().isPresent()) {
      g.writeNumberField("wave", action.wave().getAsInt());
    }
  }

  /** A field present when {@code value} is, as {@link Json#put(ObjectNode, String, java.util.Optional)} has it. */
  private static void optional(JsonGenerator g, String name, java.util.Optional<?> value) throws java.io.IOException {
    if (value.isPresent()) {
      g.writeStringField(name, value.get().toString());
    }
  }

  private static ObjectNode stale(StaleRecord stale) {
    ObjectNode node = Json.object();
    node.put("type", stale.type());
    node.put("environment", stale.environment());
    node.put("revision", stale.revision());
    node.put("superseded_by", stale.supersededBy());
    node.put(stale.type().equals("approval") ? "approver" : "check", stale.subject());
    Json.put(node, "at", stale.at());
    return node;
  }
}
