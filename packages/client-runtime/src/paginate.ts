// A paginator over any paged operation, as the AWS SDK's paginators page (smithy's `@paginated`):
// each answer's next-page token goes into the next call's token input. Only the clients whose API
// has a paged operation import it, from their generated methods.
import type { PagingRules } from './core.js';
import { InvalidInputError } from './errors.js';
import type { CallOptions, PageOptions } from './options.js';
import { dig } from './reading.js';

/** The most pages a paginator asks for when the caller sets no bound. */
export const MAX_PAGES = 100;

/**
 * Every page of an operation, `call` calling it: each page a call with its own retries, timeouts and body bound.
 * Ends when an answer gives no next-page token, gives one already seen (a server paging in a
 * circle), or after `maxPages` pages.
 */
export async function* pages<Input extends object, Output>(
  call: (input: Input, options?: CallOptions) => Promise<Output>,
  paging: PagingRules,
  input: Input,
  { maxPages = MAX_PAGES, pageSize, ...options }: PageOptions = {},
): AsyncGenerator<Output, void, undefined> {
  if (!(Number.isInteger(maxPages) && maxPages >= 1)) throw new InvalidInputError('maxPages', 'must be an integer of at least 1');
  let values = { ...input } as Record<string, unknown>;
  if (pageSize !== undefined && paging.size) values[paging.size] = pageSize;
  const seen = new Set([values[paging.token]]);
  for (let page = 1; ; page++) {
    const output = await call(values as Input, options);
    yield output;
    const next = dig(output, paging.next);
    if (page >= maxPages || next === undefined || next === null || next === '' || seen.has(next)) return;
    seen.add(next);
    values = { ...values, [paging.token]: next };
  }
}
