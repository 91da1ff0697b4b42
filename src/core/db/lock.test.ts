import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './lock.js';

describe('lockDataDir', () => {
  it('refuses a folder locked by another live process and says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shahrdeh-lock-'));
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    writeFileSync(join(dir, 'shahrdeh.lock'), String(child.pid));
    try {
      expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dir)).toThrow(new RegExp(`pid ${child.pid}`));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that died, and releases it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'shahrdeh-lock-'));
    const child = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => child.on('exit', r));
    writeFileSync(join(dir, 'shahrdeh.lock'), String(child.pid));
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'shahrdeh.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'shahrdeh.lock'))).toBe(false);
  });
});
