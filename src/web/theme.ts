import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** A deep civic teal: shade 7 (the filled colour) has 5.9:1 contrast with white text. */
const civic: MantineColorsTuple = [
  '#e6f4f5',
  '#c9e6e9',
  '#9ccfd4',
  '#6cb6be',
  '#449fa9',
  '#2b8f9a',
  '#1a808b',
  '#0f6f7a',
  '#0a5f69',
  '#074f58',
];

/** The Mantine theme of the whole platform: Vazirmatn, civic teal, rounded cards. */
export const theme = createTheme({
  fontFamily: 'Vazirmatn, Tahoma, sans-serif',
  headings: { fontFamily: 'Vazirmatn, Tahoma, sans-serif', fontWeight: '700' },
  colors: { civic },
  primaryColor: 'civic',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'md',
  autoContrast: true,
  focusRing: 'auto',
  cursorType: 'pointer',
});

/**
 * Mantine's default "dimmed" grey (gray.6) is 3.3:1 on white, below WCAG AA for
 * body text; gray.7 gives 8:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
