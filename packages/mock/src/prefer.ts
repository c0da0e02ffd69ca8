// Parses Prism's `Prefer` request header: `Prefer: code=404, example=resource-not-found, dynamic=true`.

/** The request header a caller picks the mock's answer with (Prism's convention, which the mock follows). */
export const PREFER_HEADER = 'Prefer';

export interface Preference {
  code?: number;
  example?: string;
  dynamic?: boolean;
}

export function parsePrefer(header: string | undefined): Preference | { error: string } {
  const preference: Preference = {};
  if (!header) return preference;
  for (const part of header.split(/[,;]/)) {
    const trimmed = part.trim();
    if (!trimmed) continue;
    const [key = '', ...rest] = trimmed.split('=');
    const value = rest
      .join('=')
      .trim()
      .replace(/^"(.*)"$/, '$1');
    switch (key.trim().toLowerCase()) {
      case 'code':
        if (!/^[1-5][0-9]{2}$/.test(value)) return { error: `Prefer: code must be an HTTP status code such as 404, got "${value}"` };
        preference.code = Number(value);
        break;
      case 'example':
        if (!value) return { error: 'Prefer: example needs a scenario name, e.g. example=resource-not-found' };
        preference.example = value;
        break;
      case 'dynamic':
        if (value !== 'true' && value !== 'false') return { error: `Prefer: dynamic must be true or false, got "${value}"` };
        preference.dynamic = value === 'true';
        break;
      default:
      // Other preferences (RFC 7240 lets clients send several) are not the mock's business.
    }
  }
  return preference;
}
