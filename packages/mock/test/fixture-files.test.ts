// Which files fixtures can make a mock read and serve: none through the control API or a set given
// as data, and only regular files of bounded size inside its own folder through a fixture file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FixtureError, type RunningMock, startMock } from '../src/index.js';
import { MAX_ARCHIVE_BYTES } from '../src/state/fixture-files.js';

let aws: RunningMock;
let dir: string;

beforeAll(async () => {
  aws = await startMock({ provider: 'aws-lambda' });
  dir = mkdtempSync(join(tmpdir(), 'layerspec-fixture-files-'));
});
afterAll(async () => {
  await aws.close();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => aws.reset());

const putFixtures = (body: unknown) => fetch(`${aws.controlUrl}fixtures`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('a fixture set given as data', () => {
  it.each([
    ['/proc/self/environ', 'the archive'],
    ['/etc/passwd', 'the archive'],
    ['package.json', 'the archive'],
    ['/proc/self/environ', 'an aws-lambda override'],
  ])('never reads %s named as %s through PUT /__layerspec/fixtures', async (file, where) => {
    const layer = where === 'the archive' ? { name: 'leak', version: 1, archive: { file } } : { name: 'leak', version: 1, 'aws-lambda': { archive: { file } } };
    const answer = await putFixtures({ layers: [layer] });
    expect(answer.status).toBe(400);
    const body = (await answer.json()) as { error: string; entry: string; rule: string };
    expect(body.entry).toBe(where === 'the archive' ? 'layers[0] (leak version 1) archive.file' : 'layers[0] (leak version 1) aws-lambda.archive.file');
    expect(body.rule).toMatch(/only a fixture file may do .*base64/);
    // Nothing was read: no existence oracle, and nothing to download.
    expect(JSON.stringify(body)).not.toMatch(/ENOENT|EACCES|cannot be read/);
    expect((await fetch(`${aws.url}/__layerspec/archives/leak/1.zip`)).status).not.toBe(200);
  });

  it('is refused from JavaScript too, with a FixtureError naming the field', () => {
    expect(() => aws.setFixtures({ layers: [{ name: 'leak', version: 1, archive: { file: '/etc/passwd' } }] })).toThrow(FixtureError);
    expect(() => aws.setFixtures({ layers: [{ name: 'leak', version: 1, archive: { file: '/etc/passwd' } }] })).toThrow(/archive\.file: names a file/);
  });

  it('still serves archive bytes given as base64', async () => {
    expect((await putFixtures({ layers: [{ name: 'ok', version: 1, archive: { base64: Buffer.from('zip').toString('base64') } }] })).status).toBe(200);
    expect(await (await fetch(`${aws.url}/__layerspec/archives/ok/1.zip`)).text()).toBe('zip');
  });
});

describe('a fixture file', () => {
  /** Writes a fixture file whose one layer names `file` as its archive, in a folder of its own. */
  function fixtureNaming(file: string): string {
    const folder = mkdtempSync(join(dir, 'set-'));
    writeFileSync(join(folder, 'layers.yaml'), `layers:\n  - name: a\n    version: 1\n    archive: { file: ${JSON.stringify(file)} }\n`);
    return folder;
  }
  const refusal = (folder: string) => {
    try {
      aws.setFixtures(join(folder, 'layers.yaml'));
    } catch (error) {
      return (error as Error).message;
    }
    return 'accepted';
  };

  it('reads an archive in its own folder, and through a link that stays inside it', () => {
    const folder = fixtureNaming('zips/link.zip');
    mkdirSync(join(folder, 'zips'));
    writeFileSync(join(folder, 'real.zip'), 'bytes');
    symlinkSync(join(folder, 'real.zip'), join(folder, 'zips', 'link.zip'));
    expect(refusal(folder)).toBe('accepted');
  });

  it('refuses an absolute path, naming the rule', () => {
    expect(refusal(fixtureNaming('/etc/passwd'))).toMatch(/archive\.file "\/etc\/passwd" is an absolute path/);
  });

  it('refuses a path that steps out with ..', () => {
    writeFileSync(join(dir, 'outside.zip'), 'outside');
    expect(refusal(fixtureNaming('../outside.zip'))).toMatch(/archive\.file "\.\.\/outside\.zip" steps out with "\.\."/);
  });

  it('refuses a symbolic link that leads out of its folder', () => {
    const folder = fixtureNaming('passwd.zip');
    symlinkSync('/etc/passwd', join(folder, 'passwd.zip'));
    expect(refusal(folder)).toMatch(/archive\.file "passwd\.zip" leads out of the fixture file's folder/);
  });

  it('refuses a folder, and a FIFO without waiting for a writer', () => {
    const folder = fixtureNaming('pipe.zip');
    execFileSync('mkfifo', [join(folder, 'pipe.zip')]);
    expect(refusal(folder)).toMatch(/archive\.file "pipe\.zip" is not a regular file/);
    const other = fixtureNaming('sub');
    mkdirSync(join(other, 'sub'));
    expect(refusal(other)).toMatch(/archive\.file "sub" is not a regular file/);
  });

  it(`refuses an archive over ${MAX_ARCHIVE_BYTES} bytes without reading it`, () => {
    const folder = fixtureNaming('huge.zip');
    writeFileSync(join(folder, 'huge.zip'), '');
    truncateSync(join(folder, 'huge.zip'), MAX_ARCHIVE_BYTES + 1);
    expect(refusal(folder)).toMatch(new RegExp(`archive\\.file "huge\\.zip" has ${MAX_ARCHIVE_BYTES + 1} bytes, more than the ${MAX_ARCHIVE_BYTES}`));
  });

  it('is itself read only when it is a regular file', () => {
    const pipe = join(dir, 'fixtures.fifo');
    execFileSync('mkfifo', [pipe]);
    expect(() => aws.setFixtures(pipe)).toThrow(/cannot be read: .*is not a regular file/);
  });

  it('reports a missing archive without a path from outside its folder', () => {
    expect(refusal(fixtureNaming('nowhere.zip'))).toMatch(/archive\.file "nowhere\.zip" cannot be found in the fixture file's folder: ENOENT/);
  });
});
