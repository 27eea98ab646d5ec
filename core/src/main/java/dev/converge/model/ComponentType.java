package dev.converge.model;

/** {@code metadata.type}: a real component is deployed; an abstract one is only inherited from. */
public enum ComponentType {
  REAL,
  ABSTRACT
}
