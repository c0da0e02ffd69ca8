// The state one mock keeps: its fixtures (or none, to answer from the spec's examples), its
// request journal and its faults. Each mock has its own, so tests that each start a mock keep
// their state apart.
import type { LoadedSpec } from '../spec.js';
import { type FixtureSet, type ServedLayer, checkFixtureData, readFixtureFile, serveFixtures } from './fixtures.js';
import { type Faults, createFaults } from './faults.js';
import { type Journal, createJournal } from './journal.js';

export interface MockState {
  /** The layers served, or undefined while the mock answers from the spec's examples. */
  served(): readonly ServedLayer[] | undefined;
  /** The fixture set as it was given, or undefined. */
  fixtures(): FixtureSet | undefined;
  /**
   * Replaces the fixtures: a set given as data (archives as base64, never a file), or a fixture file
   * to read (archives may be files in its folder). Throws FixtureError and changes nothing when one breaks a rule.
   */
  setFixtures(fixtures: FixtureSet | string, source?: string): number;
  /** Empties the fixtures (the mock goes on answering from fixtures: every layer is then not found), the journal and the faults. */
  reset(): void;
  journal: Journal;
  faults: Faults;
}

export function createMockState(spec: LoadedSpec, options: { journalLimit?: number } = {}): MockState {
  let given: FixtureSet | undefined;
  let served: ServedLayer[] | undefined;
  const journal = createJournal(options.journalLimit);
  const faults = createFaults(spec);
  return {
    served: () => served,
    fixtures: () => (given === undefined ? undefined : structuredClone(given)),
    setFixtures(fixtures, source = 'fixtures') {
      const file = typeof fixtures === 'string' ? readFixtureFile(fixtures) : { fixtures: checkFixtureData(fixtures, source), source, baseDir: undefined };
      const layers = serveFixtures(spec.provider, file.fixtures, { source: file.source, ...(file.baseDir ? { baseDir: file.baseDir } : {}) });
      given = structuredClone(file.fixtures);
      served = layers;
      return layers.length;
    },
    reset() {
      if (served !== undefined) {
        given = { layers: [] };
        served = [];
      }
      journal.clear();
      faults.clear();
    },
    journal,
    faults,
  };
}
