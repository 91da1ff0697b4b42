import { toAsciiDigits } from '../../../core/fa/index.js';
import { badRequest } from '../../../core/http/errors.js';
import type { CategoryQuestion } from '../contract.js';
import { FA } from './fa.js';

export type Answers = Record<string, string | number | boolean>;
export interface FieldError { path: string; message: string }

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Checks the answers to a category's extra questions and returns them cleaned: one value per known question, of
 * the question's type. Lenient about form-encoded input (Open311 attributes arrive as strings): '12' or '۱۲' is
 * a number, 'true'/'false' a boolean. Answers to questions the category does not have are dropped. Throws 400
 * `answers_invalid` listing every problem as `{ path: 'answers.<code>', message }` in Persian.
 */
export function checkAnswers(questions: readonly CategoryQuestion[], given: Record<string, unknown> | undefined): Answers {
  const out: Answers = {};
  const errors: FieldError[] = [];
  const input = given ?? {};
  for (const q of questions) {
    const v = Object.hasOwn(input, q.code) ? input[q.code] : undefined;
    const path = `answers.${q.code}`;
    if (blank(v)) {
      if (q.required) errors.push({ path, message: FA.answerRequired(q.label) });
      continue;
    }
    switch (q.type) {
      case 'text':
        if (typeof v === 'string' || typeof v === 'number') out[q.code] = String(v).trim().slice(0, 500);
        else errors.push({ path, message: FA.answerText(q.label) });
        break;
      case 'number': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(toAsciiDigits(v.trim())) ? Number(toAsciiDigits(v.trim())) : NaN;
        if (Number.isFinite(n) && Math.abs(n) <= 1e9) out[q.code] = n;
        else errors.push({ path, message: FA.answerNumber(q.label) });
        break;
      }
      case 'boolean':
        if (typeof v === 'boolean') out[q.code] = v;
        else if (v === 'true' || v === 'false') out[q.code] = v === 'true';
        else errors.push({ path, message: FA.answerBoolean(q.label) });
        break;
      case 'select':
        if (typeof v === 'string' && (q.options ?? []).some((o) => o.value === v)) out[q.code] = v;
        else errors.push({ path, message: FA.answerOption(q.label) });
        break;
    }
  }
  if (errors.length) throw badRequest('answers_invalid', FA.answersInvalid, undefined, { errors });
  return out;
}
