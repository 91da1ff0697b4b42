import { describe, expect, it } from 'vitest';
import { safeNext } from './login-next.js';

describe('safeNext', () => {
  it('goes back to a page of the staff app', () => {
    expect(safeNext('/app')).toBe('/app');
    expect(safeNext('/app/festival/mine')).toBe('/app/festival/mine');
    expect(safeNext('/app/cases/12?tab=history')).toBe('/app/cases/12?tab=history');
  });

  it('goes back to a plan of the public showcase', () => {
    expect(safeNext('/showcase/40c5b7eb-6de9-40da-b241-36556edd428c')).toBe('/showcase/40c5b7eb-6de9-40da-b241-36556edd428c');
  });

  it('refuses anything else: missing, another host, a look-alike path, a backslash', () => {
    for (const next of [null, '', 'app', 'showcase/1', '//evil.example/app', 'https://evil.example/app', '/\\evil.example', '/showcase/\\\\evil.example', '/apple', '/application', '/showcaseX/1', '/festival', '/', ' /app', '/app\n//evil.example']) {
      expect(safeNext(next), String(next)).toBe('/app');
    }
  });
});
