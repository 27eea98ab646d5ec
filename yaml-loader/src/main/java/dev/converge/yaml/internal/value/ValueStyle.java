package dev.converge.yaml.internal.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the YAML loader's values: the same settings as core's style (core keeps
 * its own in a package it does not export), applied in each value package's {@code package-info.java}.
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
