/**
 * Internal: Go's {@code text/template} language over YAML values (maps, lists, strings, numbers,
 * booleans, null), as Atmos runs it over stack manifests, and the function library Atmos puts in
 * scope (Sprig, the Gomplate namespaces, {@code atmos.Component}). Not part of the API, may change
 * in any release without notice.
 *
 * <p>Values are the loader's own: {@code String}, {@code Boolean}, {@code Integer}, {@code Long},
 * {@code BigInteger}, {@code Double}, {@code null}, {@code Map<String, Object>} (iterated in key
 * order by {@code range}, as Go does) and {@code List<Object>}. A function is a
 * {@link dev.converge.yaml.internal.template.TemplateFunction}; a namespace such as Gomplate's
 * {@code strings} is a map whose values are functions, so {@code strings.ToUpper "x"} calls the
 * function found at the field, as Go calls a method.
 */
package dev.converge.yaml.internal.template;
