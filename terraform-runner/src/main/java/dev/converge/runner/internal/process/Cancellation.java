package dev.converge.runner.internal.process;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A one-way switch shared by the workers of a run: once cancelled, every registered hook runs (kills a process tree). */
public final class Cancellation {

  private volatile boolean cancelled;
  private final Set<Runnable> hooks = ConcurrentHashMap.newKeySet();

  public boolean isCancelled() {
    return cancelled;
  }

  public void cancel() {
    cancelled = true;
    for (Runnable hook : hooks) {
      hook.run();
    }
  }

  /** Registers {@code hook} until the returned registration is closed; runs it at once if already cancelled. */
  public Registration onCancel(Runnable hook) {
    hooks.add(hook);
    if (cancelled) {
      hook.run();
    }
    return () -> hooks.remove(hook);
  }

  /** Undoes {@link #onCancel}. */
  @FunctionalInterface
  public interface Registration extends AutoCloseable {
    @Override
    void close();
  }
}
