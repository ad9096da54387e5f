package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A column to group and filter by. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DimensionSpec {
  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("Column name: lower case letters, digits and underscores, starting with a letter, at most 48 characters.")
  private String name;

  @Default("string")
  @JsonPropertyDescription("Value type: string, int64, float64, bool or datetime.")
  private FieldType type = FieldType.string;

  @Pattern("^[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*$")
  @JsonPropertyDescription("JSON path of the value in the event, such as user.country. Defaults to the name.")
  private String path;

  @JsonPropertyDescription("Store the column as LowCardinality: for dimensions with few distinct values.")
  private Boolean lowCardinality;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public FieldType getType() {
    return type;
  }

  public void setType(FieldType type) {
    this.type = type;
  }

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public Boolean getLowCardinality() {
    return lowCardinality;
  }

  public void setLowCardinality(Boolean lowCardinality) {
    this.lowCardinality = lowCardinality;
  }
}
