package dev.converge.internal.convergence;

import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Ledger;
import dev.converge.ledger.LedgerRecord;
import dev.converge.model.InstanceId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger read once for the convergence report. "Newest" means latest {@code at}; of two
 * records at the same instant the one written later wins, as the planner reads it.
 */
final class LedgerView {

  private final Map<InstanceId, Deployment> lastSuccess = new HashMap<>();
  private final Map<InstanceId, Deployment> lastAttempt = new HashMap<>();
  private final Map<InstanceId, Drift> lastDrift = new HashMap<>();
  private final Map<String, Instant> firstSuccessOfSource = new HashMap<>();

  LedgerView(Ledger ledger) {
    for (LedgerRecord record : ledger.records()) {
      if (record instanceof Deployment d) {
        putIfNewer(lastAttempt, d.instance(), d);
        if (d.isSuccess()) {
          putIfNewer(lastSuccess, d.instance(), d);
          if (!d.destroy()) {
            firstSuccessOfSource.merge(sourceKey(d.folder(), d.sourceDigest()), d.at(),
                (a, b) -> a.isBefore(b) ? a : b);
          }
        }
      } else if (record instanceof Drift drift) {
        putIfNewer(lastDrift, drift.instance(), drift);
      }
    }
  }

  /** The newest successful deployment that applied (not destroyed) the instance. */
  Optional<Deployment> deployed(InstanceId id) {
    return Optional.ofNullable(lastSuccess.get(id)).filter(d -> !d.destroy());
  }

  /** The newest deployment record of the instance, whatever its outcome. */
  Optional<Deployment> lastAttempt(InstanceId id) {
    return Optional.ofNullable(lastAttempt.get(id));
  }

  Optional<Drift> lastDrift(InstanceId id) {
    return Optional.ofNullable(lastDrift.get(id));
  }

  /** When any instance first deployed these folder contents successfully. */
  Optional<Instant> firstDeployedAnywhere(String folder, String sourceDigest) {
    return Optional.ofNullable(firstSuccessOfSource.get(sourceKey(folder, sourceDigest)));
  }

  private static String sourceKey(String folder, String digest) {
    return folder + '\u0000' + digest;
  }

  private static <K, V extends LedgerRecord> void putIfNewer(Map<K, V> map, K key, V record) {
    map.merge(key, record, (old, now) -> now.at().isBefore(old.at()) ? old : now);
  }
}
