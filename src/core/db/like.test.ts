import { describe, expect, it } from 'vitest';
import { containsPattern, likeEscape } from './like.js';

describe('LIKE patterns from typed text', () => {
  it('escapes the wildcards and the escape character, nothing else', () => {
    expect(likeEscape('۵۰%_a\\b')).toBe('۵۰\\%\\_a\\\\b');
    expect(likeEscape('گلخانه')).toBe('گلخانه');
    expect(containsPattern('100%')).toBe('%100\\%%');
  });
});
