package dev.converge.internal.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of Converge, applied in each model package's {@code package-info.java}.
 *
 * <p>Generated classes stay package-private behind the documented interfaces; builders are strict
 * (each attribute set once) and reached through each value's nested {@code Builder}.
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
