import { createTheme, CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // WCAG AA (axe, the browser tests): Mantine's default teal shade (6) on white is 2.5:1, shade 9
  // is 4.9:1, for links and for white text on filled buttons.
  primaryShade: { light: 9, dark: 8 },
  // Arabic glyphs first where the system has them; Latin text falls through to the system font.
  fontFamily: 'system-ui, "Noto Sans Arabic", "Segoe UI", Roboto, sans-serif',
});

/** `c="dimmed"` text is gray 6 by default, 3.3:1 on white; gray 7 is 7:1 (WCAG AA asks 4.5:1). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
