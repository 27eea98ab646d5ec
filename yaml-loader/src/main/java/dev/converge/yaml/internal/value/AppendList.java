package dev.converge.yaml.internal.value;

import java.util.ArrayList;
import java.util.List;

/**
 * A list tagged {@code !append}: when merged over an earlier list it is appended to it, whatever
 * the list merge strategy, as Atmos's merge does with its append marker. Anywhere else it is an
 * ordinary list.
 */
public final class AppendList extends ArrayList<Object> {

  private static final long serialVersionUID = 1L;

  public AppendList() {}

  public AppendList(List<?> items) {
    super(items);
  }
}
