package dev.converge.runner.internal.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Ends a process and everything it started.
 *
 * <p>The descendants are listed before anything is signalled: once a parent dies its children are
 * re-parented and no longer show as its descendants. Everyone gets SIGTERM first (Terraform then
 * stops cleanly and releases its state lock); whoever is still alive after the grace period, or
 * was started meanwhile, gets SIGKILL.
 */
public final class ProcessTrees {

  private ProcessTrees() {}

  public static void kill(ProcessHandle root, Duration grace) {
    Set<ProcessHandle> tree = new LinkedHashSet<>();
    root.descendants().forEach(tree::add);
    tree.add(root);
    tree.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + grace.toNanos();
    for (ProcessHandle handle : tree) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0 || !await(handle, remaining)) {
        break;
      }
    }
    if (root.isAlive()) {
      root.descendants().forEach(tree::add);
    }
    List<ProcessHandle> alive = new ArrayList<>();
    for (ProcessHandle handle : tree) {
      if (handle.isAlive()) {
        handle.destroyForcibly();
        alive.add(handle);
      }
    }
    for (ProcessHandle handle : alive) {
      await(handle, TimeUnit.SECONDS.toNanos(5));
    }
  }

  private static boolean await(ProcessHandle handle, long nanos) {
    try {
      handle.onExit().get(nanos, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
