// @ts-check
// The limit: the same HTTP exchange with fetch, no signing and no client, body parsed as JSON.
/** @param {string | undefined} endpoint */
export function createCall(endpoint) {
  const url = `${endpoint ?? 'https://lambda.us-east-1.amazonaws.com'}/2018-10-31/layers/my-layer/versions/1`;
  return async () => {
    const response = await fetch(url);
    if (response.status !== 200) throw new Error(`raw fetch: HTTP ${response.status}`);
    return response.json();
  };
}
