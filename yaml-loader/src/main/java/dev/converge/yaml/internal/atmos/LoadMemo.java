package dev.converge.yaml.internal.atmos;

import dev.converge.yaml.internal.yaml.ParseMemo;

/**
 * What the loads of one repository keep for the next when the embedder asks
 * ({@code AtmosRepository.Builder.reuseParses}): the stack files parsed ({@link ParseMemo}) and the
 * manifests resolved ({@link ResolvedManifests}).
 */
public final class LoadMemo {
  final ParseMemo parses = new ParseMemo();
  final ResolvedManifests manifests = new ResolvedManifests();
}
