/**
 * word/fontTable.xml with substitution hints for every face the .docx names (issue #14):
 * the other name a face is installed under (`altName`: 宋体 ↔ SimSun, 方正小标宋简体 ↔
 * FZXiaoBiaoSong-B05S), its PANOSE class, GB2312 charset and pitch — what Word and WPS use
 * to pick the nearest installed face when the named one is missing, instead of falling back
 * to a Latin face. The `docx` library writes this part only for embedded fonts, so the export
 * passes its own through Packer's overrides.
 */
import { SYMBOL_FONT, type ExportFonts } from './fonts';
import { cleanText } from './layout';

interface FontHints {
  altName?: string;
  panose: string;
  charset: string;
  family: 'auto' | 'roman' | 'swiss' | 'modern' | 'script' | 'decorative';
  pitch: 'fixed' | 'variable';
}

// As Word itself records these faces (Windows fonts, 方正 from its installer).
const GB2312 = '86';
const KNOWN: Record<string, FontHints> = {
  宋体: { altName: 'SimSun', panose: '02010600030101010101', charset: GB2312, family: 'auto', pitch: 'variable' },
  SimSun: { altName: '宋体', panose: '02010600030101010101', charset: GB2312, family: 'auto', pitch: 'variable' },
  仿宋: { altName: 'FangSong', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  FangSong: { altName: '仿宋', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  仿宋_GB2312: { altName: '仿宋', panose: '02010609030101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  黑体: { altName: 'SimHei', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  SimHei: { altName: '黑体', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  楷体: { altName: 'KaiTi', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  KaiTi: { altName: '楷体', panose: '02010609060101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  楷体_GB2312: { altName: '楷体', panose: '02010609030101010101', charset: GB2312, family: 'modern', pitch: 'fixed' },
  方正小标宋简体: { altName: 'FZXiaoBiaoSong-B05S', panose: '02000000000000000000', charset: GB2312, family: 'auto', pitch: 'variable' },
  小标宋: { altName: '方正小标宋简体', panose: '02000000000000000000', charset: GB2312, family: 'auto', pitch: 'variable' },
  'Times New Roman': { panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
  Arial: { panose: '020B0604020202020204', charset: '00', family: 'swiss', pitch: 'variable' },
  [SYMBOL_FONT]: { panose: '020B0502040204020203', charset: '00', family: 'swiss', pitch: 'variable' },
};

const escapeXml = (s: string) => cleanText(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A face the table does not know: a Chinese role gets the GB2312 charset, so Word substitutes a Chinese face. */
function hintsFor(name: string, chinese: boolean): FontHints {
  return KNOWN[name] ?? { panose: '02000000000000000000', charset: chinese ? GB2312 : '00', family: 'auto', pitch: 'variable' };
}

export function fontTableXml(fonts: ExportFonts): string {
  const names = new Map<string, boolean>();
  for (const role of ['song', 'fang', 'hei', 'kai', 'xiaobiaosong'] as const) names.set(fonts[role], true);
  if (!names.has(fonts.latin)) names.set(fonts.latin, false);
  names.set(SYMBOL_FONT, false);
  const entries = [...names].map(([name, chinese]) => {
    const h = hintsFor(name, chinese);
    return (
      `<w:font w:name="${escapeXml(name)}">` +
      (h.altName && h.altName !== name ? `<w:altName w:val="${escapeXml(h.altName)}"/>` : '') +
      `<w:panose1 w:val="${h.panose}"/><w:charset w:val="${h.charset}"/><w:family w:val="${h.family}"/><w:pitch w:val="${h.pitch}"/></w:font>`
    );
  });
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
