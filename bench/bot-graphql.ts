/**
 * One GraphQL request over HTTP as a Telegram bot acting for `platformUserId` (the service
 * key plus the identity headers); throws on GraphQL errors.
 */
export async function botGraphql<T = any>(
  url: string,
  serviceKey: string,
  platformUserId: string,
  query: string,
  variables: object,
): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${serviceKey}`,
      'x-maxon-platform': 'telegram',
      'x-maxon-platform-user-id': platformUserId,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors || !body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
