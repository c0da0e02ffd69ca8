// The Host and Origin values that name the docs server, as a pure function.
import { describe, expect, it } from 'vitest';
import { allowedHosts, isAllowedHost, isOwnOrigin } from '../src/host-check.js';

describe('allowedHosts', () => {
  it('names the loopback addresses and the bound host, with the port, as browsers write them', () => {
    expect(allowedHosts({ host: '127.0.0.1', port: 4000 })).toEqual(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000']);
    expect(allowedHosts({ host: 'Docs.Example', port: 4000 })).toEqual(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000', 'docs.example:4000']);
    expect(allowedHosts({ host: '0:0:0:0:0:0:0:1', port: 4000 })).toEqual(['127.0.0.1:4000', 'localhost:4000', '[::1]:4000']);
    expect(allowedHosts({ host: '::', port: 4000 })).toContain('[::]:4000');
    expect(allowedHosts({ host: '0.0.0.0', port: 4000 })).toContain('0.0.0.0:4000');
    // Browsers leave off http's default port; some clients write it.
    expect(allowedHosts({ host: '127.0.0.1', port: 80 })).toEqual(['127.0.0.1', '127.0.0.1:80', 'localhost', 'localhost:80', '[::1]', '[::1]:80']);
  });
});

describe('isAllowedHost and isOwnOrigin', () => {
  const allowed = allowedHosts({ host: '127.0.0.1', port: 4000 });
  it('accepts the exact forms, in any case', () => {
    for (const host of ['127.0.0.1:4000', 'localhost:4000', 'LOCALHOST:4000', '[::1]:4000']) expect(isAllowedHost(host, allowed), host).toBe(true);
    for (const origin of ['http://127.0.0.1:4000', 'http://localhost:4000', 'HTTP://[::1]:4000']) expect(isOwnOrigin(origin, allowed), origin).toBe(true);
  });
  it('refuses any other name, port, scheme or spelling, and a missing Host', () => {
    for (const host of [
      undefined,
      '',
      'evil.test:4000',
      '127.0.0.1',
      '127.0.0.1:4001',
      'localhost.:4000',
      '127.0.0.1:4000.evil.test',
      'evil@127.0.0.1:4000',
      ' 127.0.0.1:4000',
    ]) {
      expect(isAllowedHost(host, allowed), String(host)).toBe(false);
    }
    for (const origin of ['null', 'http://evil.test:4000', 'https://127.0.0.1:4000', 'http://127.0.0.1:4001', 'http://127.0.0.1:4000/', 'http://127.0.0.1']) {
      expect(isOwnOrigin(origin, allowed), origin).toBe(false);
    }
  });
});
