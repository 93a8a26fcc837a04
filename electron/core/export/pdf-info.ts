/**
 * The PDF's document properties (issue #14). Chromium's printToPDF writes only the Title
 * (from <title>) into the Info dictionary, and its user agent as the Creator; it ignores
 * <meta name="author|subject|generator">. So the PDF is given a new Info dictionary the
 * standard way a PDF is edited without rewriting it — an incremental update appended after
 * %%EOF (ISO 32000-1 §7.5.6): the new Info object, an xref section listing only it, and a
 * trailer pointing back (/Prev) to the original one. Nothing of the original bytes changes,
 * so every page prints exactly as Chromium laid it out.
 *
 * The properties come from the print HTML's own head (buildPrintHtml writes them), so the PDF
 * port keeps its contract (HTML in, file out) and the app's printToPDF and the CLI's headless
 * Chromium both call this with the same HTML.
 */

export interface PdfInfo {
  title?: string;
  author?: string;
  subject?: string;
  creator?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
const unescapeHtml = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ENTITIES[e]!);

/** The properties buildPrintHtml put into the head: <title>, meta author, subject and generator (the Creator). */
export function pdfInfoOfPrintHtml(html: string): PdfInfo {
  const head = html.slice(0, Math.max(0, html.indexOf('</head>')));
  const meta = (name: string) => {
    const m = new RegExp(`<meta name="${name}" content="([^"]*)">`).exec(head);
    return m ? unescapeHtml(m[1]!) : undefined;
  };
  const title = /<title>([^<]*)<\/title>/.exec(head)?.[1];
  const info: PdfInfo = {};
  if (title !== undefined) info.title = unescapeHtml(title);
  const author = meta('author');
  const subject = meta('subject');
  const creator = meta('generator');
  if (author !== undefined) info.author = author;
  if (subject !== undefined) info.subject = subject;
  if (creator !== undefined) info.creator = creator;
  return info;
}

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: any character, nothing to escape. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

// A literal string (parentheses balanced or escaped, as Skia writes them) or a hex string.
const VALUE = String.raw`(\((?:\\[\s\S]|[^\\()]|\((?:\\[\s\S]|[^\\()])*\))*\)|<[0-9A-Fa-f\s]*>)`;
// Kept from the original Info: the PDF library that wrote the pages, and when.
const KEPT = ['Producer', 'CreationDate', 'ModDate'] as const;

/**
 * The PDF with an Info dictionary of `info` (entries left empty are left out), keeping the
 * original Producer and dates. A PDF this cannot safely update — a cross-reference stream
 * instead of a table, or encryption — is returned unchanged: Chromium writes neither.
 */
export function withPdfInfo(pdf: Buffer, info: PdfInfo): Buffer {
  const tail = pdf.subarray(Math.max(0, pdf.length - 1024)).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!end) return pdf;
  const prev = Number(end[1]);
  if (!(prev > 0 && prev < pdf.length) || pdf.subarray(prev, prev + 4).toString('latin1') !== 'xref') return pdf;
  const section = pdf.subarray(prev).toString('latin1');
  const trailerAt = section.lastIndexOf('trailer');
  const startAt = section.lastIndexOf('startxref');
  if (trailerAt < 0 || startAt < trailerAt) return pdf;
  const trailer = section.slice(trailerAt, startAt);
  const size = /\/Size\s+(\d+)/.exec(trailer);
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer);
  if (!size || !root || /\/Encrypt\b/.test(trailer)) return pdf;
  const id = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1];

  const kept: string[] = [];
  const oldInfo = /\/Info\s+(\d+)\s+(\d+)\s+R/.exec(trailer);
  const at = oldInfo ? objectOffset(section.slice(0, trailerAt), Number(oldInfo[1])) : null;
  if (oldInfo && at !== null && at < prev) {
    const head = pdf.subarray(at, at + 64).toString('latin1');
    if (new RegExp(String.raw`^${oldInfo[1]}\s+${oldInfo[2]}\s+obj\b`).test(head)) {
      const rest = pdf.subarray(at, Math.min(pdf.length, at + 64 * 1024)).toString('latin1');
      const obj = rest.slice(0, rest.includes('endobj') ? rest.indexOf('endobj') : rest.length);
      for (const key of KEPT) {
        const m = new RegExp(String.raw`/${key}\s*${VALUE}`).exec(obj);
        if (m) kept.push(`/${key} ${m[1]}`);
      }
    }
  }

  const entries = (
    [
      ['Title', info.title],
      ['Author', info.author],
      ['Subject', info.subject],
      ['Creator', info.creator],
    ] as const
  ).flatMap(([key, value]) => (value && value.trim() ? [`/${key} ${pdfTextString(value)}`] : []));
  const num = Number(size[1]);
  const lead = pdf[pdf.length - 1] === 0x0a || pdf[pdf.length - 1] === 0x0d ? '' : '\n';
  const objOffset = pdf.length + lead.length;
  const obj = `${num} 0 obj\n<< ${[...entries, ...kept].join(' ')} >>\nendobj\n`;
  const xrefOffset = objOffset + Buffer.byteLength(obj, 'latin1');
  const update =
    lead +
    obj +
    `xref\n${num} 1\n${String(objOffset).padStart(10, '0')} 00000 n\r\n` +
    `trailer\n<< /Size ${num + 1} /Root ${root[1]} /Info ${num} 0 R /Prev ${prev}${id ? ` /ID ${id}` : ''} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([pdf, Buffer.from(update, 'latin1')]);
}

/** Where object `num` starts, from a classic xref section (`xref` … up to `trailer`), or null. */
function objectOffset(xref: string, num: number): number | null {
  let next = -1;
  for (const raw of xref.split(/\r\n|\r|\n/).slice(1)) {
    const line = raw.trim();
    const sub = /^(\d+) (\d+)$/.exec(line);
    if (sub) {
      next = Number(sub[1]);
      continue;
    }
    const entry = /^(\d{10}) (\d{5}) ([nf])$/.exec(line);
    if (!entry || next < 0) continue;
    if (next === num) return entry[3] === 'n' ? Number(entry[1]) : null;
    next++;
  }
  return null;
}
