package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** A raw value that measures read from. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FieldSpec {
  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("Column name: lower case letters, digits and underscores, starting with a letter, at most 48 characters.")
  private String name;

  @Required
  @JsonPropertyDescription("Value type: string, int64, float64, bool or datetime.")
  private FieldType type;

  @Pattern("^[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)*$")
  @JsonPropertyDescription("JSON path of the value in the event, such as user.id. Defaults to the name.")
  private String path;

  @JsonPropertyDescription("Whether an event may lack this value; a missing required value sends the event to the dead-letter topic. Defaults to false.")
  private Boolean optional;

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

  public Boolean getOptional() {
    return optional;
  }

  public void setOptional(Boolean optional) {
    this.optional = optional;
  }
}
