/** HTML for Telegram's parse_mode HTML and MAX's format 'html': only <b>, <i>, <code>. */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A tagged template that escapes every interpolated value: markup`<b>${title}</b>`. */
export function markup(strings: TemplateStringsArray, ...values: unknown[]): string {
  return strings.reduce(
    (out, chunk, index) =>
      out + chunk + (index < values.length ? escapeHtml(String(values[index] ?? '')) : ''),
    '',
  );
}

/** Cuts plain text to `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1)).trimEnd()}…`;
}

/** Length as a messenger counts it: tags removed, entities decoded. */
export function visibleLength(markup: string): number {
  return markup.replace(/<[^>]+>/g, '').replace(/&(amp|lt|gt|quot);/g, '_').length;
}

/**
 * Splits HTML into messages of at most `limit` visible characters, at line breaks. Our views
 * never open a tag across lines, so every part stays well-formed; a single line that is too
 * long is cut as plain text (its tags dropped, its text escaped again).
 */
export function splitHtml(markup: string, limit: number): string[] {
  const parts: string[] = [];
  let current = '';
  const push = () => {
    if (current.trim()) parts.push(current.trimEnd());
    current = '';
  };
  for (const line of markup.split('\n')) {
    const lines = visibleLength(line) <= limit ? [line] : cutLine(line, limit);
    for (const piece of lines) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (visibleLength(joined) <= limit) {
        current = joined;
      } else {
        push();
        current = piece;
      }
    }
  }
  push();
  return parts.length ? parts : [''];
}

function cutLine(line: string, limit: number): string[] {
  const plain = line
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  const pieces: string[] = [];
  let rest = plain;
  while (rest.length > limit) {
    const space = rest.lastIndexOf(' ', limit);
    const at = space > limit / 2 ? space : limit;
    pieces.push(rest.slice(0, at));
    rest = rest.slice(at).trimStart();
  }
  if (rest) pieces.push(rest);
  // Escaping can lengthen a piece's markup but not its visible length.
  return pieces.map(escapeHtml);
}
