package dev.converge.yaml.internal.atmos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WorkersTest {

  private static final List<Integer> ITEMS = IntStream.range(0, 200).boxed().toList();

  @Test
  void map_severalThreads_resultsInTheItemsOrder_eachWorkerClaimsInIncreasingOrder() {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    List<Integer> squares = Workers.map(ITEMS, 3, ArrayList<Integer>::new, (claimed, i) -> {
      threads.add(Thread.currentThread().getName());
      if (!claimed.isEmpty()) {
        assertThat(i).isGreaterThan(claimed.get(claimed.size() - 1));
      }
      claimed.add(i);
      return i * i;
    });

    assertThat(squares).isEqualTo(ITEMS.stream().map(i -> i * i).toList());
    assertThat(threads).isNotEmpty().hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void map_oneThread_runsOnTheCallingThreadWithOneState() {
    Thread caller = Thread.currentThread();
    List<Object> states = Workers.map(ITEMS, 1, Object::new, (state, i) -> {
      assertThat(Thread.currentThread()).isSameAs(caller);
      return state;
    });

    assertThat(Set.copyOf(states)).hasSize(1);
  }

  @Test
  void map_aWorkerFails_theFailureReachesTheCallerAndNoHelperOutlivesTheCall() {
    Thread caller = Thread.currentThread();
    Set<Thread> helpers = ConcurrentHashMap.newKeySet();
    assertThatThrownBy(() -> Workers.map(ITEMS, 4, () -> null, (none, i) -> {
      if (Thread.currentThread() != caller) {
        helpers.add(Thread.currentThread());
        sleep(); // helpers are slow: a call that did not wait for them would return while they run
      }
      if (i == 57) {
        throw new IllegalStateException("item " + i);
      }
      return i;
    })).isInstanceOf(IllegalStateException.class).hasMessage("item 57");

    assertThat(helpers).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
  }

  private static void sleep() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
