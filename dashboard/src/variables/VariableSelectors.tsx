import { useId } from 'react';
import type { VariableSpec } from '../api/contract';
import { selectorOptions, type VariableSelection } from '../data/variables';

interface Props {
  readonly variables: readonly VariableSpec[];
  readonly values: Readonly<Record<string, readonly string[]>>;
  readonly selection: VariableSelection;
  readonly onSelect: (name: string, value: string | null) => void;
}

/**
 * One selector per dashboard variable: All, then the values the data has over the range (most frequent
 * first). Native <select>s with a visible <label>: keyboard (Tab, arrows, type-ahead) and screen readers
 * work without extra code.
 */
export function VariableSelectors({ variables, values, selection, onSelect }: Props) {
  if (variables.length === 0) return null;
  return (
    <div className="variables" role="group" aria-label="Dashboard variables">
      {variables.map((variable) => (
        <VariableSelector
          key={variable.name}
          variable={variable}
          values={values[variable.name] ?? []}
          chosen={selection[variable.name]}
          onSelect={onSelect}
        />
      ))}
    </div>
  );
}

function VariableSelector({
  variable,
  values,
  chosen,
  onSelect,
}: {
  readonly variable: VariableSpec;
  readonly values: readonly string[];
  readonly chosen: string | undefined;
  readonly onSelect: (name: string, value: string | null) => void;
}) {
  const id = useId();
  const label = variable.label || variable.name;
  return (
    <div className="variable">
      <label htmlFor={id} className="variable__label">
        {label}
      </label>
      <select
        id={id}
        className="variable__select"
        value={chosen ?? ''}
        onChange={(event) => onSelect(variable.name, event.target.value || null)}
        aria-description={`Filters every panel that has the dimension ${variable.dimension}`}
        data-testid={`var-${variable.name}`}
      >
        <option value="">All</option>
        {selectorOptions(values, chosen).map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  );
}
