package dev.converge.affected;

import dev.converge.Engine;
import dev.converge.internal.affected.Comparison;
import dev.converge.model.DesiredState;
import dev.converge.model.FolderInventory;
import dev.converge.pipeline.Pipeline;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Answers {@code converge affected}: which instances a change deploys, in every environment, and
 * why. Pure: the caller loads both desired states and lists the changed files (git diff).
 *
 * <pre>{@code
 * AffectedReport report = Affected.of(pipeline)
 *     .withFolders(baseFolders, headFolders)
 *     .between(base, head, List.of("stacks/catalog/vpc.yaml"));
 * report.affected().forEach(a -> System.out.println(a.environment().orElse("?") + " " + a.instance().render()));
 * }</pre>
 */
public final class Affected {

  /** Where Atmos keeps Terraform components by default. */
  public static final String DEFAULT_COMPONENTS_BASE_PATH = "components/terraform";

  /** The pipeline, and the head revision's folders. */
  private final Engine engine;
  private final FolderInventory baseFolders;
  private final String componentsBasePath;

  private Affected(Engine engine, FolderInventory baseFolders, String componentsBasePath) {
    this.engine = engine;
    this.baseFolders = baseFolders;
    this.componentsBasePath = componentsBasePath;
  }

  public static Affected of(Pipeline pipeline) {
    return of(Engine.of(pipeline));
  }

  /** What a change affects under {@code engine}'s pipeline; its folders are the head revision's. */
  public static Affected of(Engine engine) {
    return new Affected(Objects.requireNonNull(engine, "engine"), FolderInventory.unknown(),
        DEFAULT_COMPONENTS_BASE_PATH);
  }

  /** A copy for components under {@code path} (relative to the repository, like the changed files). */
  public Affected withComponentsBasePath(String path) {
    Objects.requireNonNull(path, "path");
    String normalized = path.replace('\\', '/').replaceAll("^\\./", "").replaceAll("/+$", "");
    if (normalized.isEmpty()) {
      throw new IllegalArgumentException("path (" + path + ") must name a folder");
    }
    return new Affected(engine, baseFolders, normalized);
  }

  /** A copy that knows the vendor targets of both revisions, so a vendored change says so. */
  public Affected withFolders(FolderInventory base, FolderInventory head) {
    return new Affected(engine.withFolders(Objects.requireNonNull(head, "head")), Objects.requireNonNull(base, "base"),
        componentsBasePath);
  }

  /**
   * Every instance whose deployment changes from {@code base} to {@code head}.
   *
   * @param changedFiles paths relative to the repository root that differ between the revisions;
   *     they name the changed folder files and imports in the reasons (digests decide what changed)
   */
  public AffectedReport between(DesiredState base, DesiredState head, Collection<String> changedFiles) {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(changedFiles, "changedFiles");
    List<String> files = changedFiles.stream().map(f -> Objects.requireNonNull(f, "changed file").replace('\\', '/')).toList();
    return Comparison.compare(engine.pipeline(), componentsBasePath, baseFolders, engine.folders(), base, head, files);
  }
}
