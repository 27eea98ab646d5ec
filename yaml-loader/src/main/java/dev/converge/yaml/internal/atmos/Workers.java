package dev.converge.yaml.internal.atmos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Maps a list on a few threads and returns the results in the list's order.
 *
 * <p>Each worker has its own state (a manifest processor with its caches, a problem list) made by
 * {@code state}, and takes the next unclaimed item until none is left, so items are claimed in
 * increasing order by every worker: a worker never sees a later item before an earlier one. The
 * calling thread is one of the workers; the others are started for the call and have ended when it
 * returns. With one thread, or one item, everything runs on the calling thread.
 *
 * <p>The first failure of any worker stops the others from claiming more and is rethrown on the
 * calling thread once every worker has stopped.
 */
final class Workers {

  private Workers() {}

  static <S, T, R> List<R> map(List<T> items, int threads, Supplier<S> state, BiFunction<S, T, R> work) {
    int n = items.size();
    int helpers = Math.min(threads, n) - 1;
    if (helpers <= 0) {
      S s = state.get();
      List<R> results = new ArrayList<>(n);
      for (T item : items) {
        results.add(work.apply(s, item));
      }
      return results;
    }
    Object[] results = new Object[n];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      try {
        S s = state.get();
        for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
          results[i] = work.apply(s, items.get(i));
        }
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
      }
    };
    Thread[] started = new Thread[helpers];
    for (int i = 0; i < helpers; i++) {
      started[i] = new Thread(worker, "converge-loader-" + (i + 1));
      started[i].setDaemon(true);
      started[i].start();
    }
    worker.run();
    boolean interrupted = false;
    for (Thread t : started) {
      while (true) {
        try {
          t.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(results);
    return list;
  }
}
