/**
 * Internal: the functions Atmos puts in scope of its templates (Sprig's, Gomplate's namespaces,
 * {@code atmos.*}), over the template package's value model. Pure: the instant and the
 * environment are given when the library is built. Not part of the API, may change in any release.
 */
package dev.converge.yaml.internal.template.library;
