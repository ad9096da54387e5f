import { useId } from 'react';
import type { PanelSpec } from '../api/contract';
import { describePanel } from './describePanel';

/** Bar, stat and table panels come later; until then the grid keeps their place. */
export function UnsupportedPanel({ spec }: { readonly spec: PanelSpec }) {
  const titleId = useId();
  return (
    <section className="panel" aria-labelledby={titleId} data-testid={`panel-${spec.id}`}>
      <header className="panel__header">
        <div>
          <h2 id={titleId} className="panel__title">
            {spec.title}
          </h2>
          <p className="panel__meta">{describePanel(spec)}</p>
        </div>
      </header>
      <p className="panel__message">This page cannot show “{spec.type}” panels yet.</p>
    </section>
  );
}
