import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '../../server/import-format.js';
import { lfa } from './fa.js';

// The import page explains the columns from a copy in its strings (the server's column list pulls in Node-only
// modules and cannot be bundled). The copy must name the same columns, in the same order, with the same required
// flags, or people would fill a template the server reads differently.
describe('the import page\'s column help', () => {
  it('lists exactly the columns the importer reads, in template order', () => {
    expect(lfa.import.columnList.map((c) => [c.header, c.required])).toEqual(IMPORT_COLUMNS.map((c) => [c.header, c.required]));
  });
});
