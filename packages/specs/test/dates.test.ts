// The date patterns accept the exact shape each provider sends, and only dates that exist.
import { describe, expect, it } from 'vitest';
import { effectiveSchema, loadBundle, resolvePointer, type ApiName } from './bundles.js';
import { createValidator } from './validator.js';

function checker(api: ApiName, at: string) {
  const doc = loadBundle(api);
  const schema = effectiveSchema(doc, resolvePointer(doc, at));
  const check = createValidator(api, doc).compile(schema);
  return (value: string) => check(value).length === 0;
}

const awsCreatedDate = checker('aws-lambda', '#/components/schemas/GetLayerVersionResponse/properties/CreatedDate');
const tcAddTime = checker('tencent-scf', '#/components/schemas/GetLayerVersionResult/properties/AddTime');

/** Whether YYYY-MM-DD is a day of the Gregorian calendar, by a round trip through Date. */
function isRealDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
}

const pad = (n: number) => String(n).padStart(2, '0');

describe('AWS Lambda CreatedDate', () => {
  it.each([
    '2018-11-14T23:03:52.894+0000',
    '2024-02-29T00:00:00.000+0000',
    '2000-02-29T12:30:45.001+0000',
    '2023-12-31T23:59:59.999+0000',
    '2099-01-31T00:00:00.000+0000',
    '2023-04-30T10:00:00.000+0000',
  ])('accepts %s', (value) => expect(awsCreatedDate(value)).toBe(true));

  it.each([
    '4889-09-87T89:84:76.849046-9187',
    '2023-02-29T00:00:00.000+0000',
    '2100-02-29T00:00:00.000+0000',
    '2019-02-30T00:00:00.000+0000',
    '2023-04-31T00:00:00.000+0000',
    '2023-13-01T00:00:00.000+0000',
    '2023-00-10T00:00:00.000+0000',
    '2023-01-00T00:00:00.000+0000',
    '2023-01-01T24:00:00.000+0000',
    '2023-01-01T23:60:00.000+0000',
    '2023-01-01T23:59:60.000+0000',
    '2018-11-14T23:03:52.894Z',
    '2018-11-14T23:03:52.894+00:00',
    '2018-11-14T23:03:52+0000',
    '2018-11-14T23:03:52.89+0000',
    '2018-11-14 23:03:52.894+0000',
    '2018-11-14T23:03:52.894+0000 ',
    '1999-12-31T23:59:59.999+0000',
  ])('refuses %j', (value) => expect(awsCreatedDate(value)).toBe(false));
});

describe('Tencent SCF AddTime', () => {
  it.each(['2019-11-26 16:15:33', '2024-02-29 00:00:00', '2000-02-29 23:59:59', '2022-12-31 23:59:59', '2023-06-30 08:00:00'])('accepts %s', (value) =>
    expect(tcAddTime(value)).toBe(true),
  );

  it.each([
    '4889-09-87 89:84:76',
    '2023-02-29 00:00:00',
    '2019-02-30 16:15:33',
    '2019-11-31 16:15:33',
    '2019-13-26 16:15:33',
    '2019-11-26 24:00:00',
    '2019-11-26 16:60:33',
    '2019-11-26 16:15:60',
    '2019-11-26T16:15:33',
    '2019-11-26 16:15:33+0800',
    '2019-11-26 16:15:33.000',
    '2019-11-26 16:15',
    ' 2019-11-26 16:15:33',
    '1999-12-31 23:59:59',
  ])('refuses %j', (value) => expect(tcAddTime(value)).toBe(false));
});

describe('every day of the years the patterns take (2000 to 2099)', () => {
  // Months 00 to 13 and days 00 to 32 of each year: accepted exactly when the day exists.
  const days = Array.from({ length: 100 }, (_, y) => 2000 + y).flatMap((year) =>
    Array.from({ length: 14 }, (_, month) => Array.from({ length: 33 }, (_, day) => `${year}-${pad(month)}-${pad(day)}`)).flat(),
  );

  it('AWS CreatedDate takes a day exactly when it exists', () => {
    const wrong = days.filter((day) => awsCreatedDate(`${day}T12:00:00.000+0000`) !== isRealDay(day));
    expect(wrong).toEqual([]);
  });

  it('Tencent AddTime takes a day exactly when it exists', () => {
    const wrong = days.filter((day) => tcAddTime(`${day} 12:00:00`) !== isRealDay(day));
    expect(wrong).toEqual([]);
  });

  it('both take every time of day, and no other', () => {
    const times = Array.from({ length: 25 }, (_, h) => Array.from({ length: 61 }, (_, m) => `${pad(h)}:${pad(m)}:${pad(m)}`)).flat();
    const real = (time: string) => Number(time.slice(0, 2)) < 24 && Number(time.slice(3, 5)) < 60;
    expect(times.filter((time) => awsCreatedDate(`2024-02-29T${time}.500+0000`) !== real(time))).toEqual([]);
    expect(times.filter((time) => tcAddTime(`2024-02-29 ${time}`) !== real(time))).toEqual([]);
  });
});
