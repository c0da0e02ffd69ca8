// The test credentials the mock checks signatures against. They are deliberately fake and
// self-describing, so nobody mistakes them for real keys and a leak of them harms no one.

export interface AwsTestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  /** The session token of temporary credentials; without it, a request that sends one is refused. */
  sessionToken?: string;
}

export interface TencentTestCredentials {
  secretId: string;
  secretKey: string;
  /** The X-TC-Token of temporary credentials; without it, a request that sends one is refused. */
  token?: string;
}

export interface ProviderTestCredentials {
  'aws-lambda': AwsTestCredentials;
  'tencent-scf': TencentTestCredentials;
}

/**
 * Credentials to verify against: per provider (either may be left out, the default is used),
 * or just the pair of the provider being verified.
 */
export type TestCredentials = Partial<ProviderTestCredentials> | AwsTestCredentials | TencentTestCredentials;

export const defaultTestCredentials: ProviderTestCredentials = {
  'aws-lambda': {
    accessKeyId: 'AKIALAYERSPECMOCK000',
    secretAccessKey: 'layerspec-mock-aws-secret-NOT-A-REAL-KEY',
  },
  'tencent-scf': {
    secretId: 'AKIDLAYERSPECMOCK0000000000000000000',
    secretKey: 'layerspec-mock-tencent-secret-NOT-REAL',
  },
};

export function awsCredentialsFrom(credentials: TestCredentials | undefined): AwsTestCredentials {
  if (credentials && 'accessKeyId' in credentials) return credentials;
  if (credentials && 'aws-lambda' in credentials && credentials['aws-lambda']) return credentials['aws-lambda'];
  return defaultTestCredentials['aws-lambda'];
}

export function tencentCredentialsFrom(credentials: TestCredentials | undefined): TencentTestCredentials {
  if (credentials && 'secretId' in credentials) return credentials;
  if (credentials && 'tencent-scf' in credentials && credentials['tencent-scf']) return credentials['tencent-scf'];
  return defaultTestCredentials['tencent-scf'];
}
