package dev.converge.runner.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.converge.internal.hint.DidYouMean;
import dev.converge.diagnostic.ConvergeException;
import dev.converge.diagnostic.Problem;
import dev.converge.diagnostic.Severity;
import dev.converge.diagnostic.SourceLocation;
import dev.converge.ledger.Approval;
import dev.converge.ledger.BadRevision;
import dev.converge.ledger.CheckResult;
import dev.converge.ledger.Deployment;
import dev.converge.ledger.Drift;
import dev.converge.ledger.Hold;
import dev.converge.ledger.LedgerRecord;
import dev.converge.ledger.Outcome;
import dev.converge.ledger.Release;
import dev.converge.model.ContentDigest;
import dev.converge.model.InstanceId;
import dev.converge.runner.internal.json.Json;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Converts core ledger records to and from the JSON objects of the ledger file
 * ({@code spec/FORMATS.md}): snake_case names, {@code type} first, instants in ISO-8601 UTC.
 *
 * <p>{@link #toJson} writes the record alone; the chain fields {@code seq} and {@code prev} are the
 * business of {@link LedgerFile}. {@link #fromJson} reads either kind of line and ignores fields it
 * does not know, so that newer files load in older tools.
 */
public final class LedgerCodec {

  /** The record types, as the file names them. */
  public static final List<String> TYPES =
      List.of("deployment", "check", "approval", "hold", "release", "bad", "drift");

  static final String RULE_JSON = "ledger-json";
  static final String RULE_RECORD = "ledger-record";

  private LedgerCodec() {}

  /** One line of JSON (no newline) for {@code record}, without chain fields. */
  public static String toJson(LedgerRecord record) {
    return write(toNode(record));
  }

  /** Reads a ledger record from one JSON object; a bad one throws with a problem located at {@code <json>}. */
  public static LedgerRecord fromJson(String json) {
    return fromJson(json, "<json>", 1);
  }

  /**
   * Reads a ledger record from one JSON object found at {@code file:line}.
   *
   * @throws ConvergeException naming the file, line and column of what is wrong
   */
  public static LedgerRecord fromJson(String json, String file, int line) {
    return decode(json, file, line).fold(
        problem -> {
          throw new ConvergeException(List.of(problem));
        },
        Decoded::record);
  }

  /**
   * The id of a record that carries none: the first 32 hex digits of the SHA-256 of its JSON (without
   * chain fields). Two appends of the same record at the same instant are one event, so a retry of
   * an append whose reply was lost carries the same id and is recognised.
   */
  public static String idOf(LedgerRecord record) {
    return ContentDigest.sha256(toJson(record)).substring(0, ID_LENGTH);
  }

  static final int ID_LENGTH = 32;

  /** A record with its store fields ({@code id}, {@code writer}) and chain fields, as read from a line. */
  record Decoded(LedgerRecord record, String id, Optional<String> writer, OptionalLong seq, Optional<String> prev) {}

  static ObjectNode toNode(LedgerRecord record) {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("type", record.type());
    node.put("at", record.at().toString());
    if (record instanceof Deployment d) {
      node.put("stack", d.instance().stack());
      node.put("component", d.instance().component());
      node.put("folder", d.folder());
      node.put("revision", d.revision());
      node.put("source_digest", d.sourceDigest());
      node.put("config_digest", d.configDigest());
      node.put("outcome", d.outcome().word());
      d.actor().ifPresent(a -> node.put("actor", a));
      if (d.destroy()) {
        node.put("destroy", true);
      }
    } else if (record instanceof CheckResult c) {
      node.put("environment", c.environment());
      node.put("revision", c.revision());
      node.put("check", c.check());
      node.put("outcome", c.outcome().word());
    } else if (record instanceof Approval a) {
      node.put("environment", a.environment());
      node.put("revision", a.revision());
      node.put("approver", a.approver());
    } else if (record instanceof Hold h) {
      node.put("environment", h.environment());
      h.component().ifPresent(c -> node.put("component", c));
      node.put("reason", h.reason());
    } else if (record instanceof Release r) {
      node.put("environment", r.environment());
      r.component().ifPresent(c -> node.put("component", c));
    } else if (record instanceof BadRevision b) {
      node.put("revision", b.revision());
      node.put("reason", b.reason());
    } else if (record instanceof Drift d) {
      node.put("stack", d.instance().stack());
      node.put("component", d.instance().component());
      node.put("revision", d.revision());
      node.put("changes", d.changes());
    } else {
      throw new IllegalArgumentException("record (" + record + ") is of a type the ledger file does not know");
    }
    return node;
  }

  static String write(ObjectNode node) {
    try {
      return Json.MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serialises", e);
    }
  }

  static Either<Problem, Decoded> decode(String json, String file, int line) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
      return Either.left(problem(RULE_JSON, file, line, column,
          "line " + line + " is not valid JSON: " + e.getOriginalMessage(),
          "fix or remove the line; every line of the ledger is one JSON object"));
    }
    if (tree == null || !tree.isObject()) {
      return Either.left(problem(RULE_JSON, file, line, 1,
          "line " + line + " is not a JSON object",
          "every line of the ledger is one JSON object such as {\"type\":\"approval\",...}"));
    }
    return new Reader((ObjectNode) tree, file, line).read();
  }

  static Problem problem(String rule, String file, int line, int column, String message, String fix) {
    return Problem.builder()
        .rule(rule)
        .severity(Severity.ERROR)
        .message(message)
        .location(SourceLocation.of(file, line, column))
        .fix(fix)
        .build();
  }

  /** Reads one object; the first missing or malformed field ends it with a problem. */
  private static final class Reader {
    private final ObjectNode node;
    private final String file;
    private final int line;

    Reader(ObjectNode node, String file, int line) {
      this.node = node;
      this.file = file;
      this.line = line;
    }

    Either<Problem, Decoded> read() {
      try {
        String type = text("type");
        LedgerRecord record = switch (type) {
          case "deployment" -> Deployment.builder()
              .at(at())
              .instance(InstanceId.of(text("stack"), text("component")))
              .folder(text("folder"))
              .revision(text("revision"))
              .sourceDigest(text("source_digest"))
              .configDigest(text("config_digest"))
              .outcome(outcome())
              .actor(optionalText("actor"))
              .destroy(bool("destroy"))
              .build();
          case "check" -> CheckResult.builder()
              .at(at()).environment(text("environment")).revision(text("revision"))
              .check(text("check")).outcome(outcome()).build();
          case "approval" -> Approval.builder()
              .at(at()).environment(text("environment")).revision(text("revision"))
              .approver(text("approver")).build();
          case "hold" -> Hold.builder()
              .at(at()).environment(text("environment")).component(optionalText("component"))
              .reason(text("reason")).build();
          case "release" -> Release.builder()
              .at(at()).environment(text("environment")).component(optionalText("component")).build();
          case "bad" -> BadRevision.builder()
              .at(at()).revision(text("revision")).reason(text("reason")).build();
          case "drift" -> Drift.builder()
              .at(at()).instance(InstanceId.of(text("stack"), text("component")))
              .revision(text("revision")).changes(integer("changes")).build();
          default -> throw new Bad("line " + line + " has the unknown record type `" + type + "`"
              + DidYouMean.hint(type, TYPES), "use one of " + String.join(", ", TYPES));
        };
        String id = optionalText("id").orElseGet(() -> idOf(record));
        return Either.right(new Decoded(record, id, optionalText("writer"), seq(), optionalText("prev")));
      } catch (Bad bad) {
        return Either.left(problem(RULE_RECORD, file, line, 1, bad.getMessage(), bad.fix));
      } catch (IllegalArgumentException | IllegalStateException invalid) {
        return Either.left(problem(RULE_RECORD, file, line, 1,
            "line " + line + " holds an invalid record: " + invalid.getMessage(), "correct the record"));
      }
    }

    private String text(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        throw new Bad("line " + line + " lacks `" + field + "`" + what(), "add \"" + field + "\" to the record");
      }
      if (!value.isTextual()) {
        throw new Bad("line " + line + ": `" + field + "` must be a string, not " + value, "quote the value");
      }
      return value.textValue();
    }

    private Optional<String> optionalText(String field) {
      JsonNode value = node.get(field);
      return value == null || value.isNull() ? Optional.empty() : Optional.of(text(field));
    }

    private boolean bool(String field) {
      JsonNode value = node.get(field);
      if (value == null || value.isNull()) {
        return false;
      }
      if (!value.isBoolean()) {
        throw new Bad("line " + line + ": `" + field + "` must be true or false, not " + value, "write true or false");
      }
      return value.booleanValue();
    }

    private int integer(String field) {
      JsonNode value = node.get(field);
      if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToInt()) {
        throw new Bad("line " + line + ": `" + field + "` must be a whole number" + what(), "write a number such as 3");
      }
      return value.intValue();
    }

    private OptionalLong seq() {
      JsonNode value = node.get("seq");
      if (value == null || value.isNull()) {
        return OptionalLong.empty();
      }
      if (!value.canConvertToExactIntegral() || !value.canConvertToLong() || value.longValue() < 1) {
        throw new Bad("line " + line + ": `seq` must be a positive whole number, not " + value,
            "remove `seq` and `prev` from hand-written lines");
      }
      return OptionalLong.of(value.longValue());
    }

    private Instant at() {
      String text = text("at");
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new Bad("line " + line + ": `at` (" + text + ") is not an ISO-8601 instant",
            "write an instant with its offset, such as 2026-11-27T10:00:00Z");
      }
    }

    private Outcome outcome() {
      String text = text("outcome");
      try {
        return Outcome.parse(text);
      } catch (IllegalArgumentException e) {
        throw new Bad("line " + line + ": `outcome` (" + text + ") must be success or failure",
            "write \"success\" or \"failure\"");
      }
    }

    private String what() {
      JsonNode type = node.get("type");
      return type != null && type.isTextual() ? " (a " + type.textValue() + " record)" : "";
    }
  }

  private static final class Bad extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String fix;

    Bad(String message, String fix) {
      super(message, null, false, false);
      this.fix = fix;
    }
  }
}
