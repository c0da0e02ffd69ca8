// Credentials, static or from a provider, and the redactor that knows every secret seen so far.
import { CredentialsError, InvalidInputError } from './errors.js';
import { makeRedactor, safeCause } from './redact.js';

export type CredentialsSource<Keys> = Keys | (() => Keys | Promise<Keys>);

/**
 * `get` returns the keys (calling the provider each time); `redact` scrubs every secret known so
 * far, static ones from the start. A failing provider becomes CredentialsError, whose cause keeps
 * the thrown error's name and code but not its message: it may quote a secret not yet known.
 */
export function credentialsSource<Keys extends object>(
  source: CredentialsSource<Keys>,
  required: [keyof Keys & string, keyof Keys & string],
  secrets: Array<keyof Keys>,
) {
  const seen = new Set<string>();
  const remember = (keys: Keys) => {
    for (const field of secrets) if (typeof keys?.[field] === 'string') seen.add(keys[field] as string);
  };
  if (typeof source !== 'function') remember(source);
  const redact = makeRedactor(() => [...seen]);
  const get = async (): Promise<Keys> => {
    let found: Keys;
    try {
      found = typeof source === 'function' ? await (source as () => Keys | Promise<Keys>)() : source;
    } catch (thrown) {
      throw new CredentialsError('the credentials provider failed', safeCause(thrown, redact, '(message withheld: it may quote a secret)'));
    }
    remember(found);
    if (!found?.[required[0]] || !found?.[required[1]]) throw new InvalidInputError('credentials', `must have ${required.join(' and ')}`);
    return found;
  };
  return { get, redact };
}
