// Dynamic data (`dynamic: true`) carries only dates that exist, in the shape the spec gives them:
// many seeds, each one mock and one request, every CreatedDate / AddTime checked.
import { describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../src/index.js';
import { AWS_HEADERS, TENCENT_HEADERS, readBundle } from './spec-examples.js';

const SEEDS = Array.from({ length: 40 }, (_, i) => `dates-${i}`);
const BATCH = 8;

/** Whether the date and time at the start of `value` exist, by a round trip through Date. */
function isRealDateTime(value: string): boolean {
  const parts = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})/.exec(value);
  if (!parts) return false;
  const iso = `${parts[1]}T${parts[2]}`;
  const date = new Date(`${iso}Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 19) === iso;
}

/** One answer per seed, from a fresh dynamic mock for each seed, a few mocks at a time. */
async function answersPerSeed(provider: 'aws-lambda' | 'tencent-scf', ask: (mock: RunningMock) => Promise<Response>) {
  const bodies: any[] = [];
  for (let i = 0; i < SEEDS.length; i += BATCH) {
    const mocks = await Promise.all(SEEDS.slice(i, i + BATCH).map((seed) => startMock({ provider, dynamic: true, seed })));
    try {
      bodies.push(...(await Promise.all(mocks.map(async (mock) => (await ask(mock)).json()))));
    } finally {
      await Promise.all(mocks.map((mock) => mock.close()));
    }
  }
  return bodies;
}

describe('dynamic dates', () => {
  it('AWS CreatedDate is always a real date in the spec shape', async () => {
    const pattern = new RegExp(readBundle('aws-lambda').components.schemas.GetLayerVersionResponse.properties.CreatedDate.pattern, 'u');
    const bodies = await answersPerSeed('aws-lambda', (mock) => fetch(`${mock.url}/2018-10-31/layers/my-layer/versions/1`, { headers: AWS_HEADERS }));
    const dates: string[] = bodies.map((body) => body.CreatedDate).filter((date) => date !== undefined);
    // CreatedDate is optional, so some answers leave it out; most carry one.
    expect(dates.length).toBeGreaterThan(SEEDS.length / 4);
    expect(dates.filter((date) => !pattern.test(date) || !isRealDateTime(date))).toEqual([]);
  });

  it('Tencent AddTime is always a real date in the spec shape', async () => {
    const pattern = new RegExp(readBundle('tencent-scf').components.schemas.GetLayerVersionResult.properties.AddTime.pattern, 'u');
    const body = JSON.stringify({ LayerName: 'layer3', LayerVersion: 1 });
    const bodies = await answersPerSeed('tencent-scf', (mock) => fetch(`${mock.url}/`, { method: 'POST', headers: TENCENT_HEADERS, body }));
    const dates: string[] = bodies.map((answer) => answer.Response.AddTime);
    expect(dates).toHaveLength(SEEDS.length);
    expect(dates.filter((date) => typeof date !== 'string' || !pattern.test(date) || !isRealDateTime(date))).toEqual([]);
  });
});
