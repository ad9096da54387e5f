import { DashboardListPage } from './pages/DashboardListPage';
import { DashboardPage } from './pages/DashboardPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { AppLink, useRoute } from './routing/navigation';

export function App() {
  const route = useRoute();
  return (
    <>
      <header className="topbar">
        <AppLink href="/" className="topbar__brand" aria-label="Pulseboard: all dashboards">
          <span className="topbar__logo" aria-hidden="true" />
          Pulseboard
        </AppLink>
      </header>
      <main>
        {route.kind === 'list' && <DashboardListPage />}
        {/* keyed: another dashboard starts from a clean state and its own socket */}
        {route.kind === 'dashboard' && <DashboardPage key={route.name} name={route.name} />}
        {route.kind === 'notFound' && <NotFoundPage path={route.path} />}
      </main>
    </>
  );
}
