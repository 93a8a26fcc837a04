/** letters fields | fill: what each field accepts, and filling by key or label. */
import { acceptedFormats } from '../../shared/field-input';
import { fieldText, OTHER_CHOICE, type FieldDef, type FieldValue, type FieldValues } from '../../shared/fields';
import type { CommandContext, CommandSpec, OptionSpec } from '../command';
import { UsageError } from '../command';
import { readValueSources, toFieldValues, type ValueEntry, type ValueSources } from '../field-values';
import { table } from '../output';

export const VALUE_OPTIONS: OptionSpec[] = [
  { flags: '--values <file>', description: '字段值文件 values: a JSON object by field key, or a .csv/.tsv saved from Excel with a header row of field keys or labels' },
  { flags: '--row <n>', description: 'CSV 的第几行数据 which data row of the CSV (default 1)', kind: 'int' },
  { flags: '--set <key=value>', description: '设置一个字段（键或名称）set one field by key or label, e.g. --set 签订日期=2026年5月8日 (repeatable)', kind: 'list' },
];

/** The values to store, by key; CSV columns that name no field are reported, not stored. */
export function fieldValuesFor(ctx: CommandContext, fields: FieldDef[], entries: ValueEntry[]): FieldValues {
  const { values, ignored } = toFieldValues(fields, entries);
  if (ignored.length) ctx.warn(`不是字段的列已忽略 columns that are not fields were left out: ${ignored.join(', ')}`);
  return values;
}

export function valueSources(ctx: CommandContext): ValueSources | null {
  const file = ctx.opt('values');
  const sets = ctx.list('set');
  const row = ctx.int('row');
  if (row !== undefined && file === undefined) throw new UsageError('--row goes with --values FILE.csv');
  return file === undefined && !sets.length ? null : { file, sets, ...(row !== undefined && { row }) };
}

/** One field as `letters fields --json` shows it: the definition a script needs, the formats it may type, the value. */
export function fieldInfo(def: FieldDef, value: FieldValue | undefined) {
  const o = def.options ?? {};
  return {
    key: def.key,
    label: def.label,
    type: def.type,
    required: def.required,
    ...(def.role && { role: def.role }),
    ...(def.signer && { signer: def.signer }),
    ...(o.unit && { unit: o.unit }),
    ...(o.choices && { choices: o.choices, multiple: o.multiple ?? false, other: o.other ?? false }),
    ...(o.min !== undefined && { min: o.min }),
    ...(o.max !== undefined && { max: o.max }),
    ...(o.integer !== undefined && { integer: o.integer }),
    ...(o.maxLength !== undefined && { maxLength: o.maxLength }),
    ...(def.hint && { hint: def.hint }),
    formats: acceptedFormats(def),
    value: value ?? null,
    text: value === undefined ? '' : fieldText(def, value),
  };
}

function typeText(def: FieldDef): string {
  const o = def.options ?? {};
  if (def.type === 'number' && o.unit) return `number（${o.unit}）`;
  if (def.type === 'choice') return `choice：${[...(o.choices ?? []), ...(o.other ? [`${OTHER_CHOICE}:…`] : [])].join('/')}${o.multiple ? '（可多选）' : ''}`;
  if (def.type === 'handwritten' && def.signer) return `handwritten（${def.signer}）`;
  return def.type;
}

export const fieldCommands: CommandSpec[] = [
  {
    name: 'letters fields',
    summary: '列出字段及可填格式 fields: key, label, type, required, value (--json: unit, choices, range, accepted formats)',
    args: [{ name: 'id', description: '函件 ID letter ID', kind: 'id' }],
    async run(ctx) {
      const { content } = await (await ctx.open()).lettersContentGet({ id: ctx.id(0) });
      return {
        data: content.fields.map((f) => fieldInfo(f, content.values[f.key])),
        text: table(
          ['键 key', '名称 label', '类型 type', '必填 required', '值 value'],
          content.fields.map((f) => [f.key, f.label, typeText(f), f.required ? '是' : '', content.values[f.key] === undefined ? '' : fieldText(f, content.values[f.key])]),
        ),
      };
    },
  },
  {
    name: 'letters fill',
    summary: '按字段键或名称填写（类型检查）fill values by key or label, type-checked: 2026-05-08, 2026年5月8日, ¥12,345.00, 95%, 5个工作日, a choice by its label',
    args: [{ name: 'id', description: '函件 ID letter ID', kind: 'id' }],
    options: VALUE_OPTIONS,
    async run(ctx) {
      const sources = valueSources(ctx);
      if (!sources) throw new UsageError('letters fill needs --values FILE or --set KEY=VALUE');
      const entries = readValueSources(sources);
      const api = await ctx.open();
      const { content } = await api.lettersContentGet({ id: ctx.id(0) });
      const filled = await api.lettersFill({ id: ctx.id(0), values: fieldValuesFor(ctx, content.fields, entries) });
      return { data: filled, text: `已填写 filled #${filled.letter.id}（revision ${filled.letter.revision}）` };
    },
  },
];
