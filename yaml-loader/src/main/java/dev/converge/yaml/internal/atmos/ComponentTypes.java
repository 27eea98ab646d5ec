package dev.converge.yaml.internal.atmos;

import java.util.List;

/** The component types Atmos knows; each has a section ({@code terraform:}) and a components map. */
public final class ComponentTypes {

  public static final String TERRAFORM = "terraform";

  public static final List<String> ALL = List.of("terraform", "helmfile", "packer", "ansible");

  private ComponentTypes() {}
}
