package dev.converge.runner.internal.terraform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.converge.model.DeferredValue;
import dev.converge.model.Instance;
import dev.converge.runner.internal.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * The files Atmos writes into a component folder before running Terraform, named as Atmos names them.
 *
 * <p>Names come from the instance: its context prefix ({@link Instance#contextPrefix()}, which the
 * loader computes as Atmos does: {@code dev/us-east-1} gives {@code dev-us-east-1}) and its
 * workspace ({@link Instance#terraformWorkspace()}). The var file is {@code <prefix>-<component>.terraform.tfvars.json}
 * and the plan file {@code <prefix>-<component>.planfile}, where a component with a folder prefix
 * ({@code infra/vpc}) also has its {@code /} replaced. The backend goes to {@code backend.tf.json}
 * as {@code {"terraform":{"backend":{"<type>":{...}}}}}. Maps are written with sorted keys, as
 * Go's JSON encoder writes them.
 */
public final class AtmosFiles {

  public static final String BACKEND_FILE = "backend.tf.json";

  private static final ObjectWriter WRITER = Json.MAPPER.writer()
      .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .withDefaultPrettyPrinter();

  private AtmosFiles() {}

  public static String varFileName(Instance instance) {
    return instance.contextPrefix() + "-" + instance.component().replace('/', '-') + ".terraform.tfvars.json";
  }

  public static String planFileName(Instance instance) {
    return instance.contextPrefix() + "-" + instance.component().replace('/', '-') + ".planfile";
  }

  public static String varFileJson(Instance instance) {
    return write(instance.vars());
  }

  public static String backendJson(String type, Map<String, Object> backend) {
    return write(Map.of("terraform", Map.of("backend", Map.of(type, backend))));
  }

  /** Writes the var file, and {@code backend.tf.json} when the instance has a backend type. */
  public static void write(Path folder, Instance instance) throws IOException {
    refuseDeferred("vars", instance.vars());
    refuseDeferred("backend", instance.backend());
    writeAtomically(folder.resolve(varFileName(instance)), varFileJson(instance));
    if (instance.backendType().isPresent()) {
      writeAtomically(folder.resolve(BACKEND_FILE), backendJson(instance.backendType().get(), instance.backend()));
    }
  }

  /**
   * Refuses a value that is a YAML function Converge deferred ({@code !terraform.output},
   * {@code !store}, ...): Terraform would get the function's text instead of its value.
   */
  private static void refuseDeferred(String path, Object value) {
    if (value instanceof DeferredValue deferred) {
      throw new IllegalArgumentException(path + " is the YAML function `" + deferred.text() + "`, which Converge does"
          + " not evaluate; give the instance its value before the run (resolve the DeferredValue in your own code) "
          + "or write a literal in the stack");
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> refuseDeferred(path + "." + k, v));
    } else if (value instanceof java.util.List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        refuseDeferred(path + "[" + i + "]", list.get(i));
      }
    }
  }

  private static void writeAtomically(Path file, String text) throws IOException {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(temporary, text + "\n", StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String write(Object value) {
    try {
      return WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("vars must be maps, lists, strings, numbers, booleans and nulls: " + e.getOriginalMessage(), e);
    }
  }
}
