package dev.converge.runner.internal.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A one-way switch shared by the workers of a run: once cancelled, every registered hook runs (kills a process tree). */
public final class Cancellation {

  private volatile boolean cancelled;
  private final Set<Runnable> hooks = ConcurrentHashMap.newKeySet();

  public boolean isCancelled() {
    return cancelled;
  }

  /** Cancels and runs every hook at once (each may wait out a kill grace), returning when all are done. */
  public void cancel() {
    cancelled = true;
    List<Thread> running = new ArrayList<>();
    for (Runnable hook : hooks) {
      Thread thread = new Thread(hook, "converge-cancel");
      thread.setDaemon(true);
      thread.start();
      running.add(thread);
    }
    for (Thread thread : running) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
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
