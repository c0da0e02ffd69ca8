// The runtimes crosswalk: each provider's runtime name with a neutral language and version. The
// table holds every name the specs list (AWS's enum, the names in Tencent's examples); a test
// keeps it in step with them. A name the table lacks is read by its letters and digits
// (`Nodejs18.15` is nodejs 18.15) when its letters name a language of the table.

/** A runtime a layer is compatible with, as the provider names it and in neutral terms. */
export interface Runtime {
  /** The provider's own name, e.g. `nodejs18.x` or `Nodejs16.13`. */
  readonly name: string;
  /** The language in lower case (`nodejs`, `python`, ...); `custom` for a bring-your-own runtime (`provided.al2`). */
  readonly language?: string;
  /** The language's version as the name gives it (`18`, `3.9`), when it gives one. */
  readonly version?: string;
}

type Entry = readonly [name: string, language: string, version?: string];

/** Each provider's runtime names. */
export const runtimeTables = {
  'aws-lambda': [
    ['nodejs', 'nodejs'],
    ['nodejs4.3', 'nodejs', '4.3'],
    ['nodejs4.3-edge', 'nodejs', '4.3'],
    ['nodejs6.10', 'nodejs', '6.10'],
    ['nodejs8.10', 'nodejs', '8.10'],
    ['nodejs10.x', 'nodejs', '10'],
    ['nodejs12.x', 'nodejs', '12'],
    ['nodejs14.x', 'nodejs', '14'],
    ['nodejs16.x', 'nodejs', '16'],
    ['nodejs18.x', 'nodejs', '18'],
    ['nodejs20.x', 'nodejs', '20'],
    ['nodejs22.x', 'nodejs', '22'],
    ['nodejs24.x', 'nodejs', '24'],
    ['java8', 'java', '8'],
    ['java8.al2', 'java', '8'],
    ['java11', 'java', '11'],
    ['java17', 'java', '17'],
    ['java21', 'java', '21'],
    ['java25', 'java', '25'],
    ['python2.7', 'python', '2.7'],
    ['python3.6', 'python', '3.6'],
    ['python3.7', 'python', '3.7'],
    ['python3.8', 'python', '3.8'],
    ['python3.9', 'python', '3.9'],
    ['python3.10', 'python', '3.10'],
    ['python3.11', 'python', '3.11'],
    ['python3.12', 'python', '3.12'],
    ['python3.13', 'python', '3.13'],
    ['python3.14', 'python', '3.14'],
    ['dotnetcore1.0', 'dotnet', '1.0'],
    ['dotnetcore2.0', 'dotnet', '2.0'],
    ['dotnetcore2.1', 'dotnet', '2.1'],
    ['dotnetcore3.1', 'dotnet', '3.1'],
    ['dotnet6', 'dotnet', '6'],
    ['dotnet8', 'dotnet', '8'],
    ['dotnet10', 'dotnet', '10'],
    ['go1.x', 'go', '1'],
    ['ruby2.5', 'ruby', '2.5'],
    ['ruby2.7', 'ruby', '2.7'],
    ['ruby3.2', 'ruby', '3.2'],
    ['ruby3.3', 'ruby', '3.3'],
    ['ruby3.4', 'ruby', '3.4'],
    ['ruby4.0', 'ruby', '4.0'],
    ['provided', 'custom'],
    ['provided.al2', 'custom'],
    ['provided.al2023', 'custom'],
  ],
  'tencent-scf': [
    ['Nodejs6.10', 'nodejs', '6.10'],
    ['Nodejs8.9', 'nodejs', '8.9'],
    ['Nodejs12.16', 'nodejs', '12.16'],
    ['Nodejs16.13', 'nodejs', '16.13'],
    ['Python3.9', 'python', '3.9'],
    ['Go1', 'go', '1'],
    ['Php7', 'php', '7'],
  ],
} as const satisfies Readonly<Record<string, readonly Entry[]>>;

const languages = new Set(Object.values(runtimeTables).flatMap((entries: readonly Entry[]) => entries.map(([, language]) => language)));
const byProvider = new Map(Object.entries(runtimeTables).map(([provider, entries]) => [provider, new Map((entries as readonly Entry[]).map((e) => [e[0], e]))]));

/** A provider's runtime name in neutral terms. */
export function runtimeOf(provider: string, name: string): Runtime {
  const entry = byProvider.get(provider)?.get(name);
  if (entry) return entry[2] === undefined ? { name, language: entry[1] } : { name, language: entry[1], version: entry[2] };
  const parts = /^([A-Za-z]+)(\d+(?:\.\d+)*)?(?:\.x)?$/.exec(name);
  const language = parts?.[1]?.toLowerCase();
  if (parts && language !== undefined && languages.has(language) && language !== 'custom') {
    return parts[2] === undefined ? { name, language } : { name, language, version: parts[2] };
  }
  return { name };
}
