package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** A condition on a dimension. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FilterSpec {
  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("The dimension to test.")
  private String dimension;

  @Default("in")
  @JsonPropertyDescription("in keeps rows whose value is one of values; notIn keeps the others.")
  private FilterOp op = FilterOp.in;

  @Required
  @Size(min = 1, max = 100)
  @JsonPropertyDescription("The values to compare with, as text; they are converted to the dimension's type.")
  private List<String> values;

  public String getDimension() {
    return dimension;
  }

  public void setDimension(String dimension) {
    this.dimension = dimension;
  }

  public FilterOp getOp() {
    return op;
  }

  public void setOp(FilterOp op) {
    this.op = op;
  }

  public List<String> getValues() {
    return values;
  }

  public void setValues(List<String> values) {
    this.values = values;
  }
}
