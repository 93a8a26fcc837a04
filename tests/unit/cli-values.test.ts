/** The CLI's reading of value files saved from Excel/WPS, and of field names (key or label). */
import { describe, expect, it } from 'vitest';
import { decodeTable, parseCsv } from '../../electron/cli/csv';
import { toFieldValues } from '../../electron/cli/field-values';
import type { FieldDef } from '../../electron/shared/fields';

describe('tables saved from Excel', () => {
  it('CSV quoting: commas, quotes and line breaks inside quoted cells; CRLF; blank lines dropped', () => {
    expect(parseCsv('a,b,c\r\n"¥12,345.00","他说""好""","两\n行"\r\n\r\n')).toEqual([
      ['a', 'b', 'c'],
      ['¥12,345.00', '他说"好"', '两\n行'],
    ]);
    expect(parseCsv('a,b\n1,')).toEqual([['a', 'b'], ['1', '']]);
  });

  it('UTF-8 with or without BOM, GB18030 (Excel’s plain CSV on Chinese Windows), UTF-16 tab-separated', () => {
    expect(decodeTable(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('企业')]))).toBe('企业');
    expect(decodeTable(Buffer.from('企业'))).toBe('企业');
    expect(decodeTable(new Uint8Array([0xc6, 0xf3, 0xd2, 0xb5]))).toBe('企业'); // 企业 in GBK
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('键\t值\r\nk\t企业\r\n', 'utf16le')]);
    expect(parseCsv(decodeTable(utf16))).toEqual([['键', '值'], ['k', '企业']]);
  });
});

describe('field names and values', () => {
  const fields: FieldDef[] = [
    { key: 'signDate', label: '签订日期', type: 'date', required: false },
    { key: 'a', label: '签署日期', type: 'handwritten', required: false, signer: '承诺方' },
    { key: 'b', label: '签署日期', type: 'handwritten', required: false, signer: '接收方' },
  ];
  it('a key or a unique label names a field; a label two fields share asks for the key', () => {
    expect(toFieldValues(fields, [{ name: '签订日期', raw: '2026/5/8' }]).values).toEqual({ signDate: { y: 2026, m: 5, d: 8 } });
    expect(toFieldValues(fields, [{ name: 'signDate', raw: { y: 2026 } }]).values).toEqual({ signDate: { y: 2026 } });
    expect(() => toFieldValues(fields, [{ name: '签署日期', raw: '' }])).toThrow(/use a key \(a, b\)/);
  });
  it('an unknown name is an error for --set and JSON, a left-out column for a CSV', () => {
    expect(() => toFieldValues(fields, [{ name: '备注', raw: 'x' }])).toThrow(/no such field/);
    expect(toFieldValues(fields, [{ name: '备注', raw: 'x', column: true }])).toEqual({ values: {}, ignored: ['备注'] });
  });
});
