/**
 * A Telegram mini app gets its theme in the URL fragment (tgWebAppThemeParams, JSON of
 * colours); the page takes them as CSS variables, so it looks like the messenger around it.
 */
export function applyMessengerTheme(fragment: URLSearchParams): void {
  const raw = fragment.get('tgWebAppThemeParams');
  if (!raw) return;
  try {
    const theme = JSON.parse(raw) as Record<string, unknown>;
    const names: Record<string, string> = {
      bg_color: '--bg',
      text_color: '--text',
      hint_color: '--hint',
      button_color: '--accent',
      button_text_color: '--accent-text',
      secondary_bg_color: '--panel',
    };
    for (const [key, variable] of Object.entries(names)) {
      const value = theme[key];
      if (typeof value === 'string' && /^#[0-9a-f]{3,8}$/i.test(value)) {
        document.documentElement.style.setProperty(variable, value);
      }
    }
  } catch {
    // A malformed theme keeps the default colours.
  }
}
