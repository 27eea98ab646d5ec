package dev.converge.model;

import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What trunk says should run, at one revision: every instance with its folder and digests.
 *
 * <p>{@link #history()} orders revisions, so the planner can tell an older revision from a newer
 * one: it is trunk's first-parent history, newest first, and contains {@link #revision()} (first,
 * unless an older revision is being planned). When it is empty, every other revision counts as
 * older.
 */
@Value.Immutable
public interface DesiredState extends WithDesiredState {

  Revision revision();

  List<Instance> instances();

  /** Trunk revision ids, newest first. */
  List<String> history();

  /** The instance with this id: a map lookup (the index is built on first use). */
  default Optional<Instance> instance(InstanceId id) {
    return Optional.ofNullable(instancesById().get(id));
  }

  /** Every instance by its id, built once on first use. */
  @Value.Lazy
  default Map<InstanceId, Instance> instancesById() {
    Map<InstanceId, Instance> index = new HashMap<>(instances().size() * 2);
    instances().forEach(i -> index.put(i.id(), i));
    return Collections.unmodifiableMap(index);
  }

  @Value.Check
  default void check() {
    // Instances in id order (as the loader gives them) can repeat an id only next to each other:
    // one comparison per instance rather than a set of every id.
    List<Instance> instances = instances();
    boolean sorted = true;
    for (int i = 1; i < instances.size() && sorted; i++) {
      int order = instances.get(i - 1).id().compareTo(instances.get(i).id());
      if (order == 0) {
        throw twice(instances.get(i).id());
      }
      sorted = order < 0;
    }
    if (!sorted) {
      Set<InstanceId> seen = new HashSet<>();
      for (Instance instance : instances) {
        if (!seen.add(instance.id())) {
          throw twice(instance.id());
        }
      }
    }
    if (!history().isEmpty() && !history().contains(revision().id())) {
      throw new IllegalArgumentException(
          "history must contain the revision (" + revision().id() + "); it starts with " + history().get(0));
    }
  }

  private static IllegalArgumentException twice(InstanceId id) {
    return new IllegalArgumentException("instance " + id.render() + " appears twice in the desired state");
  }

  static Builder builder() {
    return new Builder();
  }

  final class Builder extends ImmutableDesiredState.Builder {
    Builder() {}
  }
}
