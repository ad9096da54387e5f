import { useCallback, useEffect, useState } from 'react';

export type Theme = 'dark' | 'light';

const STORAGE_KEY = 'pulseboard.theme';

/** The user's stored choice, else the system's preference (prefers-color-scheme), else dark. */
export function initialTheme(stored: string | null, prefersLight: boolean): Theme {
  if (stored === 'dark' || stored === 'light') return stored;
  return prefersLight ? 'light' : 'dark';
}

function readInitialTheme(): Theme {
  let stored: string | null = null;
  try {
    stored = window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage blocked (privacy mode): fall back to the system preference.
  }
  return initialTheme(stored, window.matchMedia?.('(prefers-color-scheme: light)').matches ?? false);
}

/** The page theme on <html data-theme>, where the CSS variables switch; a toggle persists the choice. */
export function useTheme(): readonly [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>(readInitialTheme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.querySelector('meta[name="color-scheme"]')?.setAttribute('content', theme);
  }, [theme]);
  const toggle = useCallback(() => {
    setTheme((current) => {
      const next = current === 'dark' ? 'light' : 'dark';
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not persisted; the toggle still works for this visit.
      }
      return next;
    });
  }, []);
  return [theme, toggle] as const;
}
