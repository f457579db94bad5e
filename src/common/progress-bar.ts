/** "▓▓▓░░░░░░░" for 30%: the one progress bar of digests, the assistant and the bots. */
export function progressBar(percent: number): string {
  const filled = Math.max(0, Math.min(10, Math.round(percent / 10)));
  return '▓'.repeat(filled) + '░'.repeat(10 - filled);
}
