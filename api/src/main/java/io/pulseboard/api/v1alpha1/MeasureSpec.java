package io.pulseboard.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** An aggregate kept in every rollup. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.aggregate != 'quantiles' || (has(self.quantiles) && self.quantiles.size() > 0)",
    message = "a quantiles measure needs a list of quantiles")
@ValidationRule(value = "!has(self.quantiles) || self.quantiles.all(q, q > 0.0 && q < 1.0)",
    message = "each quantile must lie strictly between 0 and 1")
public class MeasureSpec {
  @Required
  @Pattern("^[a-z][a-z0-9_]{0,47}$")
  @JsonPropertyDescription("Measure name: lower case letters, digits and underscores, starting with a letter, at most 48 characters.")
  private String name;

  @Required
  @JsonPropertyDescription("The aggregate: count, sum, min, max, avg, uniq (approximate distinct count) or quantiles.")
  private Aggregate aggregate;

  @JsonPropertyDescription("The field or dimension the aggregate reads. Required for every aggregate but count.")
  private String field;

  @Size(max = 8)
  @JsonPropertyDescription("For quantiles: the levels to keep, each strictly between 0 and 1, such as [0.5, 0.9, 0.99].")
  private List<Double> quantiles;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Aggregate getAggregate() {
    return aggregate;
  }

  public void setAggregate(Aggregate aggregate) {
    this.aggregate = aggregate;
  }

  public String getField() {
    return field;
  }

  public void setField(String field) {
    this.field = field;
  }

  public List<Double> getQuantiles() {
    return quantiles;
  }

  public void setQuantiles(List<Double> quantiles) {
    this.quantiles = quantiles;
  }
}
