package dev.converge.runner;

import dev.converge.plan.Action;
import java.util.ArrayList;
import java.util.List;

/** Remembers every event as {@code event component detail}. */
final class RecordingListener implements RunListener {

  final List<String> events = new ArrayList<>();

  private synchronized void add(String event) {
    events.add(event);
  }

  @Override
  public void started(Action action) {
    add("started " + action.component());
  }

  @Override
  public void planned(Action action, PlanSummary summary) {
    add("planned " + action.component() + " " + summary.render());
  }

  @Override
  public void applied(Action action, PlanSummary summary) {
    add("applied " + action.component());
  }

  @Override
  public void failed(Action action, Step step, String reason) {
    add("failed " + action.component() + " " + step.word());
  }

  @Override
  public void refused(Action action, String reason) {
    add("refused " + action.component());
  }

  @Override
  public void drifted(Action action, PlanSummary summary) {
    add("drifted " + action.component() + " " + summary.total());
  }

  synchronized List<String> events() {
    return List.copyOf(events);
  }
}
