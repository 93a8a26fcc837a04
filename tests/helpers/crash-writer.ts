/**
 * Child process for tests/unit/crash.test.ts: opens the core on DATA_DIR and saves drafts
 * of one letter in a tight loop until it is killed. After each save has returned (committed:
 * WAL, synchronous=FULL) it writes `ack N` to stdout with a synchronous write, so a line on
 * the pipe always means a commit that happened. Saves alternate between saveDraft (with a
 * short throttle, so versions are written too) and the API's lettersContentSave.
 *
 *   node --import tsx tests/helpers/crash-writer.ts DATA_DIR
 */
import fs from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core/create-api';
import { saveDraft, DEFAULT_VERSIONING_SETTINGS } from '../../electron/core/versions/draft-saver';
import type { LetterContent } from '../../electron/shared/letter-content';

const FILLER = '承诺方在接到客户理赔报案后，应及时登记并告知所需材料，按约定时限完成初步审核与赔付。';

/** A letter of about three pages whose first clause carries `counter`. */
export function counterContent(counter: number): LetterContent {
  const clause = (text: string) => ({ type: 'clause', attrs: { scheme: 'cn', level: 0 }, content: [{ type: 'text', text }] });
  return {
    doc: {
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: '崩溃测试承诺书' }] },
        clause(`计数：${counter}`),
        ...Array.from({ length: 40 }, (_, i) => clause(`${FILLER}（第${i + 1}项，第${counter}稿）`)),
      ],
    },
    fields: [],
    values: {},
    pageStyle: 'business',
  };
}

/** The counter stored in a letter's content; 0 for a letter this writer never saved. */
export function counterOf(content: LetterContent): number {
  const first = JSON.stringify(content.doc).match(/计数：(\d+)/);
  return first ? Number(first[1]) : 0;
}

export const ACK = /^ack (\d+)$/;

async function main(dataDir: string): Promise<void> {
  const core = openCore({ dataDir });
  const existing = await core.api.lettersList({ limit: 1, sort: 'created-desc' });
  const id = existing.items[0]?.id ?? (await core.api.lettersCreate({ title: '崩溃测试承诺书' })).id;
  const current = await core.api.lettersContentGet({ id });
  let revision = current.letter.revision;
  let counter = counterOf(current.content);
  fs.writeSync(1, `ready ${counter}\n`);
  const settings = { ...DEFAULT_VERSIONING_SETTINGS, throttleMs: 20 };
  const store = core.store;
  for (;;) {
    counter++;
    const content = counterContent(counter);
    revision =
      counter % 2 === 0
        ? saveDraft(store, id, content, revision, new Date().toISOString(), settings).letter.revision
        : (await core.api.lettersContentSave({ id, revision, ...content })).revision;
    fs.writeSync(1, `ack ${counter}\n`);
  }
}

// Runs only as the child's entry point; the test imports the helpers above.
if (process.argv[1] && path.resolve(process.argv[1]) === __filename) {
  const dataDir = process.argv[2];
  if (!dataDir) {
    process.stderr.write('usage: crash-writer.ts DATA_DIR\n');
    process.exit(2);
  }
  main(dataDir).catch((err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
