import { AppLink } from '../routing/navigation';

export function NotFoundPage({ path }: { readonly path: string }) {
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p className="page__message">
        Nothing lives at <code>{path}</code>. <AppLink href="/">See all dashboards</AppLink>.
      </p>
    </div>
  );
}
