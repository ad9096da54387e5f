import { ThemeToggle } from './controls/ThemeToggle';
import { DashboardListPage } from './pages/DashboardListPage';
import { DashboardPage } from './pages/DashboardPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { AppLink, useRoute } from './routing/navigation';
import { ThemeContext } from './theme/ThemeContext';
import { useTheme } from './theme/theme';

export function App() {
  const route = useRoute();
  const [theme, toggleTheme] = useTheme();
  return (
    <ThemeContext value={theme}>
      <header className="topbar">
        <AppLink href="/" className="topbar__brand" aria-label="Pulseboard: all dashboards">
          <span className="topbar__logo" aria-hidden="true" />
          Pulseboard
        </AppLink>
        <ThemeToggle theme={theme} onToggle={toggleTheme} />
      </header>
      <main>
        {route.kind === 'list' && <DashboardListPage />}
        {/* keyed: another dashboard starts from a clean state and its own socket */}
        {route.kind === 'dashboard' && <DashboardPage key={route.name} name={route.name} />}
        {route.kind === 'notFound' && <NotFoundPage path={route.path} />}
      </main>
    </ThemeContext>
  );
}
