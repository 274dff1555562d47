import { Anchor, createTheme, CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'teal',
  // WCAG AA (axe, the browser tests): Mantine's default teal shade (6) on white is 2.5:1, shade 9
  // is 4.9:1, for links and for white text on filled buttons.
  primaryShade: { light: 9, dark: 8 },
  // Arabic glyphs first where the system has them; Latin text falls through to the system font.
  fontFamily: 'system-ui, "Noto Sans Arabic", "Segoe UI", Roboto, sans-serif',
  components: {
    // A link inside text must not be told apart by its colour alone (axe link-in-text-block):
    // underlined unless a place (the navigation, the title) says otherwise.
    Anchor: Anchor.extend({ defaultProps: { underline: 'always' } }),
    // Light badges write the colour on its pale tint below 4.5:1; filled ones are white on shade 9.
    // (Plain objects, not Badge.extend: `extend` would import the component into the entry chunk.)
    Badge: { defaultProps: { variant: 'filled' } },
    // The active link of a side navigation: white on shade 9, for the same reason.
    NavLink: { defaultProps: { variant: 'filled' } },
  },
});

/**
 * `c="dimmed"` text is gray 6 by default, 3.3:1 on white; gray 7 is 7:1 (WCAG AA asks 4.5:1).
 * Field errors (the message and the input's text) are red 6 by default, 3.3:1; red 9 is 5.5:1.
 * A filled control's hover is one shade lighter than its colour by default: white on teal 8 is
 * 3.95:1 (a hovered active side-navigation link, a hovered button); a darker teal keeps it above 4.5:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-primary-color-filled-hover': '#06614a',
    '--mantine-color-teal-filled-hover': '#06614a',
  },
  dark: {},
});
