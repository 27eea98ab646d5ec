/** Hash functions the model's digests are made with, other than the JDK's. */
package dev.converge.internal.digest;
