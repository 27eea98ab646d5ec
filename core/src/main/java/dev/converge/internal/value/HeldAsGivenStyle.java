package dev.converge.internal.value;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * {@link ValueStyle}, except that maps, lists and optionals are held as given rather than copied by
 * the generated code: the value's own {@code @Value.Check} makes them immutable once, copying only
 * what is not immutable already. For the values the loader builds by the thousand from maps it has
 * frozen itself ({@code Instance}, {@code ResolvedComponent}); see docs/decisions.md.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    strictBuilder = true,
    depluralize = true,
    get = {"is*", "get*"},
    defaults = @Value.Immutable(copy = true),
    builtinContainerAttributes = false)
public @interface HeldAsGivenStyle {}
