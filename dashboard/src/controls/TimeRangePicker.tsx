import { useId, useState, type FormEvent } from 'react';
import { formatRange } from '../data/format';
import { absoluteRangeProblem, fromLocalInput, PRESETS, toLocalInput, type RangeSelection } from '../data/timeRange';

interface Props {
  readonly selection: RangeSelection;
  readonly onChange: (selection: RangeSelection) => void;
}

/**
 * Presets (last 15 minutes .. 30 days) as a row of toggle buttons, and an absolute from/to range in a
 * small form. Native buttons and inputs: tab order, Enter and Space work without extra code.
 */
export function TimeRangePicker({ selection, onChange }: Props) {
  const [customOpen, setCustomOpen] = useState(false);
  const fromId = useId();
  const toId = useId();
  const problemId = useId();
  const now = Date.now();
  const [from, setFrom] = useState(() =>
    toLocalInput(selection.kind === 'absolute' ? selection.from : now - (selection.kind === 'relative' ? selection.ms : 3_600_000)),
  );
  const [to, setTo] = useState(() => toLocalInput(selection.kind === 'absolute' ? selection.to : now));
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const fromMs = fromLocalInput(from);
    const toMs = fromLocalInput(to);
    const why = absoluteRangeProblem(fromMs, toMs);
    setProblem(why);
    if (why === null) {
      onChange({ kind: 'absolute', from: fromMs as number, to: toMs as number });
      setCustomOpen(false);
    }
  };

  return (
    <div className="range-picker">
      <output className="range" data-testid="range-label">
        {describeSelection(selection)}
      </output>
      <div className="segmented" role="group" aria-label="Time range presets">
        {PRESETS.map((preset) => {
          const active = selection.kind === 'relative' && selection.ms === preset.ms;
          return (
            <button
              key={preset.label}
              type="button"
              className="segmented__item"
              aria-pressed={active}
              aria-label={formatRange(preset.ms)}
              data-testid={`range-${preset.label}`}
              onClick={() => onChange({ kind: 'relative', ms: preset.ms })}
            >
              {preset.label}
            </button>
          );
        })}
        <button
          type="button"
          className="segmented__item"
          aria-pressed={selection.kind === 'absolute'}
          aria-expanded={customOpen}
          data-testid="range-custom"
          onClick={() => setCustomOpen((open) => !open)}
        >
          {selection.kind === 'absolute' ? 'Custom ✓' : 'Custom'}
        </button>
      </div>
      {customOpen && (
        <form className="range-form" onSubmit={apply} aria-label="Absolute time range">
          <label htmlFor={fromId}>From</label>
          <input
            id={fromId}
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            aria-describedby={problem ? problemId : undefined}
            data-testid="range-from"
          />
          <label htmlFor={toId}>To</label>
          <input
            id={toId}
            type="datetime-local"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            aria-describedby={problem ? problemId : undefined}
            data-testid="range-to"
          />
          <button type="submit" className="button button--primary" data-testid="range-apply">
            Apply
          </button>
          {problem && (
            <p id={problemId} className="range-form__problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </div>
  );
}

const dateTime = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** "Last 30 minutes" or "Nov 29, 10:00 PM – Nov 29, 10:20 PM". */
function describeSelection(selection: RangeSelection): string {
  return selection.kind === 'relative'
    ? formatRange(selection.ms)
    : `${dateTime.format(selection.from)} – ${dateTime.format(selection.to)}`;
}
