package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A dashboard variable: one selector on the page that narrows every panel whose stream has its dimension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class VariableSpec {
  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("Variable name, unique in the dashboard; the page keeps the selection as ?var.<name>=<value>.")
  private String name;

  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("The dimension the variable filters on; panels whose stream has no such dimension are not affected.")
  private String dimension;

  @Size(max = 100)
  @JsonPropertyDescription("Text shown next to the selector. Defaults to the name.")
  private String label;

  public VariableSpec() {}

  public VariableSpec(String name, String dimension, String label) {
    this.name = name;
    this.dimension = dimension;
    this.label = label;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDimension() {
    return dimension;
  }

  public void setDimension(String dimension) {
    this.dimension = dimension;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
