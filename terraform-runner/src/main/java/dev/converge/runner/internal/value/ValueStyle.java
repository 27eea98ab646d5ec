package dev.converge.runner.internal.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of Converge, for this module's value packages: the same settings as core's
 * {@code dev.converge.internal.value.ValueStyle}, which core does not export (an annotation from a
 * package a module does not export cannot be used by another module).
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    depluralize = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = true))
public @interface ValueStyle {}
