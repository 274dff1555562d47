import { createTheme } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // Arabic glyphs first where the system has them; Latin text falls through to the system font.
  fontFamily: 'system-ui, "Noto Sans Arabic", "Segoe UI", Roboto, sans-serif',
});
