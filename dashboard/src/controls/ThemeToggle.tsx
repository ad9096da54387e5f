import type { Theme } from '../theme/theme';

/** Switches between the dark and the light theme; the button names the theme it switches to. */
export function ThemeToggle({ theme, onToggle }: { readonly theme: Theme; readonly onToggle: () => void }) {
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <button type="button" className="button" onClick={onToggle} aria-label={`Use the ${next} theme`} data-testid="theme-toggle">
      <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span> {next === 'light' ? 'Light' : 'Dark'}
    </button>
  );
}
