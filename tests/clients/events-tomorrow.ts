import { DateTime } from 'luxon';

type Api = <T = any>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** Tomorrow's event occurrences (Moscow, the default timezone) as the user's API sees them. */
export async function eventsTomorrow(
  api: Api,
): Promise<{ startLocal: string; event: { title: string } }[]> {
  const tomorrow = DateTime.now().setZone('Europe/Moscow').plus({ days: 1 }).startOf('day');
  const { events } = await api(
    `query ($from: DateTimeISO!, $to: DateTimeISO!) { events(from: $from, to: $to) { startLocal event { title } } }`,
    { from: tomorrow.toISO(), to: tomorrow.plus({ days: 1 }).toISO() },
  );
  return events;
}
