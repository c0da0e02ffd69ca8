import { defineConfig, mergeConfig } from 'vitest/config';
import shared from '../vitest.shared.js';

// Tests of the harness's own logic (statistics, tables, goals, canned answers); they time nothing.
export default mergeConfig(shared, defineConfig({ test: {} }));
