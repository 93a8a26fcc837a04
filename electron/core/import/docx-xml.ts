/** Small helpers over @xmldom/xmldom for WordprocessingML: children by local name, w:val. */
import { DOMParser, type Element as XmlElement, type Node as XmlNode } from '@xmldom/xmldom';
import { LetterdeskError } from '../../shared/errors';

export type { XmlElement };
export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export function parseXml(xml: string, part: string): XmlElement {
  try {
    const doc = new DOMParser({ onError: (level, msg) => {
      if (level === 'fatalError') throw new Error(msg);
    } }).parseFromString(xml, 'text/xml');
    const root = doc.documentElement;
    if (!root) throw new Error('no root element');
    return root;
  } catch (err) {
    throw new LetterdeskError('unsupported-file', `The .docx part ${part} is not readable XML: ${(err as Error).message}`);
  }
}

export function elements(node: XmlNode): XmlElement[] {
  const out: XmlElement[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as XmlElement);
  return out;
}

export function child(node: XmlNode, name: string): XmlElement | null {
  for (let c = node.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && (c as XmlElement).localName === name) return c as XmlElement;
  return null;
}

export function path(node: XmlNode | null, ...names: string[]): XmlElement | null {
  let cur: XmlNode | null = node;
  for (const n of names) {
    if (!cur) return null;
    cur = child(cur, n);
  }
  return cur as XmlElement | null;
}

/** A w:* attribute (w:val, w:ilvl …), by namespace, falling back to the prefixed name. */
export function wAttr(el: XmlElement | null, name: string): string | null {
  if (!el) return null;
  return el.getAttributeNS(W_NS, name) ?? el.getAttribute(`w:${name}`) ?? null;
}

export function wVal(el: XmlElement | null): string | null {
  return wAttr(el, 'val');
}

/** An on/off property (w:b, w:caps…): present and not val="0"/"false"/"off". */
export function isOn(el: XmlElement | null): boolean {
  if (!el) return false;
  const v = wVal(el);
  return v === null || v === '' || !/^(0|false|off|none)$/i.test(v);
}
