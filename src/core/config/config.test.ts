import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults: port 3000, ./data, embedded with demo on', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, demo: true, databaseUrl: undefined });
    expect(c.dataDir).toMatch(/\/data$/);
  });

  it('demo is off with DATABASE_URL unless DEMO=1', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db' }).demo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/db', DEMO: '1' }).demo).toBe(true);
    expect(loadConfig({ DEMO: '0' }).demo).toBe(false);
  });

  it('the deadline clock shifts only on the embedded database', () => {
    expect(loadConfig({}).clockOffsetDays).toBe(0);
    expect(loadConfig({ CLOCK_OFFSET_DAYS: '-2' }).clockOffsetDays).toBe(-2);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ DEMO: 'maybe' }, /DEMO/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ CLOCK_OFFSET_DAYS: '1.5' }, /CLOCK_OFFSET_DAYS/],
    [{ CLOCK_OFFSET_DAYS: '3', DATABASE_URL: 'postgres://x@h/db' }, /CLOCK_OFFSET_DAYS/],
  ])('%o stops with one line naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as Error).message).toMatch(name);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});
