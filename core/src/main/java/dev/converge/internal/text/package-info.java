/**
 * Internal: plain-text layout shared by the renderings. Not an API; may change without notice.
 */
package dev.converge.internal.text;
