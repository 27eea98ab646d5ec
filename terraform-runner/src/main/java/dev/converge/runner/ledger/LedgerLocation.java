package dev.converge.runner.ledger;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a ledger location ({@code docs/ledger-stores.md}):
 *
 * <ul>
 *   <li>{@code PATH} or {@code file:PATH} (also {@code file:///abs/path}): the ledger file;
 *   <li>{@code git:DIR} or {@code git:DIR#REMOTE}: the ref {@code refs/converge/ledger} of the git
 *       repository at DIR, kept on REMOTE (a remote's name such as {@code origin}, or a URL) when given;
 *   <li>{@code postgresql://HOST[:PORT]/DB?user=…&password=…[&table=T]}, or the same after
 *       {@code jdbc:}: the table T (default {@code converge_ledger}) of a PostgreSQL database.
 * </ul>
 */
final class LedgerLocation {

  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*", Pattern.DOTALL);
  private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&]*|(://[^:/@]+:)[^@/]*@");

  private LedgerLocation() {}

  static LedgerStore open(String location) {
    if (location == null || location.isBlank()) {
      throw new IllegalArgumentException("location (" + location + ") must name a ledger: a path, file:PATH,"
          + " git:DIR[#REMOTE] or postgresql://HOST/DB");
    }
    if (location.startsWith("git:")) {
      String rest = location.substring("git:".length());
      int hash = rest.indexOf('#');
      String dir = hash < 0 ? rest : rest.substring(0, hash);
      Optional<String> remote = hash < 0 ? Optional.empty() : Optional.of(rest.substring(hash + 1));
      if (dir.isEmpty() || remote.filter(String::isEmpty).isPresent()) {
        throw new IllegalArgumentException("location (" + location + ") must be git:DIR or git:DIR#REMOTE,"
            + " such as git:.#origin");
      }
      return GitLedgerStore.open(Path.of(dir), remote);
    }
    if (location.startsWith("postgresql:") || location.startsWith("postgres:") || location.startsWith("jdbc:postgresql:")) {
      return PostgresLedgerStore.open(location);
    }
    if (location.startsWith("file://")) {
      return LedgerFile.at(Path.of(URI.create(location)));
    }
    if (location.startsWith("file:")) {
      return LedgerFile.at(Path.of(location.substring("file:".length())));
    }
    if (SCHEME.matcher(location).matches()) {
      throw new IllegalArgumentException("location (" + location + ") has a scheme Converge does not know;"
          + " use a path, file:PATH, git:DIR[#REMOTE] or postgresql://HOST/DB");
    }
    return LedgerFile.at(Path.of(location));
  }

  /** The location with any password (URL user info, or a {@code password=} parameter) replaced by {@code ***}. */
  static String withoutPassword(String location) {
    return PASSWORD.matcher(location).replaceAll(m -> m.group(1) != null
        ? m.group(1) + "***"
        : java.util.regex.Matcher.quoteReplacement(m.group(2) + "***@"));
  }
}
