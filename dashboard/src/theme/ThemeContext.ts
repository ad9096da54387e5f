import { createContext, useContext } from 'react';
import type { Theme } from './theme';

/** The page theme, for what CSS cannot reach: canvas charts read their colours when they are built. */
export const ThemeContext = createContext<Theme>('dark');

export function useCurrentTheme(): Theme {
  return useContext(ThemeContext);
}
