package dev.converge.internal.plan;

import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Hold;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Release;
import dev.converge.model.InstanceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The ledger, read once for the revision being planned.
 *
 * <p>"Newest" means latest {@code at}; of two records at the same instant the one written later
 * wins, so a hand-edited ledger with coarse timestamps still reads in writing order.
 */
final class LedgerIndex {

  private final String revision;
  private final Map<InstanceId, Deployment> lastSuccess = new HashMap<>();
  private final Map<InstanceId, Deployment> lastAtRevision = new HashMap<>();
  private final Map<String, Map<String, CheckResult>> checksAtRevision = new HashMap<>();
  private final Map<String, Set<String>> approversAtRevision = new HashMap<>();
  private final Map<String, LedgerRecord> holdState = new HashMap<>();
  private final Map<String, BadRevision> bad = new HashMap<>();
  private final Map<String, Instant> lastSuccessInEnvironment = new HashMap<>();
  private final List<Approval> otherApprovals = new ArrayList<>();
  private final List<CheckResult> otherChecks = new ArrayList<>();

  LedgerIndex(Ledger ledger, String revision, Function<String, Optional<String>> environmentOfStack) {
    this.revision = revision;
    for (LedgerRecord record : ledger.records()) {
      if (record instanceof Deployment d) {
        if (d.isSuccess()) {
          putIfNewer(lastSuccess, d.instance(), d);
          environmentOfStack.apply(d.instance().stack())
              .ifPresent(env -> lastSuccessInEnvironment.merge(env, d.at(), LedgerIndex::later));
        }
        if (d.revision().equals(revision)) {
          putIfNewer(lastAtRevision, d.instance(), d);
        }
      } else if (record instanceof CheckResult c) {
        if (c.revision().equals(revision)) {
          putIfNewer(checksAtRevision.computeIfAbsent(c.environment(), k -> new HashMap<>()), c.check(), c);
        } else {
          otherChecks.add(c);
        }
      } else if (record instanceof Approval a) {
        if (a.revision().equals(revision)) {
          approversAtRevision.computeIfAbsent(a.environment(), k -> new LinkedHashSet<>()).add(a.approver());
        } else {
          otherApprovals.add(a);
        }
      } else if (record instanceof Hold h) {
        putIfNewer(holdState, holdKey(h.environment(), h.component()), h);
      } else if (record instanceof Release r) {
        putIfNewer(holdState, holdKey(r.environment(), r.component()), r);
      } else if (record instanceof BadRevision b) {
        putIfNewer(bad, b.revision(), b);
      }
    }
  }

  /** The newest successful deployment of {@code id} (an apply or a destroy). */
  Optional<Deployment> lastSuccess(InstanceId id) {
    return Optional.ofNullable(lastSuccess.get(id));
  }

  Map<InstanceId, Deployment> lastSuccesses() {
    return lastSuccess;
  }

  /** The newest deployment record of {@code id} at the planned revision, whatever its outcome. */
  Optional<Deployment> lastAtRevision(InstanceId id) {
    return Optional.ofNullable(lastAtRevision.get(id));
  }

  Optional<CheckResult> check(String environment, String check) {
    return Optional.ofNullable(checksAtRevision.getOrDefault(environment, Map.of()).get(check));
  }

  Set<String> approvers(String environment) {
    return approversAtRevision.getOrDefault(environment, Set.of());
  }

  /** The hold in force on the environment ({@code component} empty) or on a component there. */
  Optional<Hold> activeHold(String environment, Optional<String> component) {
    LedgerRecord state = holdState.get(holdKey(environment, component));
    return state instanceof Hold h ? Optional.of(h) : Optional.empty();
  }

  Optional<BadRevision> badMark(String revisionId) {
    return Optional.ofNullable(bad.get(revisionId));
  }

  Optional<Instant> lastSuccessIn(String environment) {
    return Optional.ofNullable(lastSuccessInEnvironment.get(environment));
  }

  List<Approval> otherApprovals() {
    return otherApprovals;
  }

  List<CheckResult> otherChecks() {
    return otherChecks;
  }

  String revision() {
    return revision;
  }

  private static String holdKey(String environment, Optional<String> component) {
    return environment + '\u0000' + component.orElse("");
  }

  private static <K, V extends LedgerRecord> void putIfNewer(Map<K, V> map, K key, V record) {
    map.merge(key, record, (old, now) -> now.at().isBefore(old.at()) ? old : now);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
