// @ts-check
// Environment variables that keep the tools turbo starts quiet and offline: telemetry off, and the
// AWS SDK's Node.js version notice (printed once per process on Node 20) silenced through the
// switch the SDK reads. turbo.json's globalPassThroughEnv must list each one, or turbo's strict
// environment mode drops it before a task starts.
export const QUIET_ENV = {
  TURBO_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  REDOCLY_TELEMETRY: 'off',
  NEXT_TELEMETRY_DISABLED: '1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};
