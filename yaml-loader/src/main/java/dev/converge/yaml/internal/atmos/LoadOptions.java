package dev.converge.yaml.internal.atmos;

import java.util.Optional;
import java.util.Set;

/**
 * What a load computes beyond the desired state's needs, as the embedder chose it.
 *
 * @param comparisonDigests digest configurations with
 *     {@link dev.converge.model.ContentDigest#comparisonDigester()} (for comparing two loads, never
 *     for a ledger)
 * @param outlineAbstractBases give abstract bases their place, folder and metadata only, leaving
 *     their configuration unresolved (for loads that plan, where they are only skipped)
 * @param describeMaps keep each component's describe map ({@code ResolvedComponent.configuration()});
 *     without, a component keeps its names, folder, digests and flags (for loads that plan: an
 *     instance holds its configuration all the same)
 * @param components when present, resolve only the components of these names (for describing one),
 *     their dependencies left unresolved
 */
public record LoadOptions(boolean comparisonDigests, boolean outlineAbstractBases, boolean describeMaps,
    Optional<Set<String>> components) {}
