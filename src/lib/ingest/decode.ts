/**
 * Bytes of an article → text. UTF-8 is read as the project reads every file (read-text.ts);
 * an article that is not UTF-8 is tried as GB18030 (which covers GBK and GB2312) and as Big5,
 * and kept only if one of them reads as Chinese: most of its Han characters among the common
 * ones. What was done is said, never silent; an encoding that reads as neither is refused.
 */
import { decodeText, type TextFault } from '../text/read-text.ts';

export type Decoded = { text: string; encoding: string; note?: string } | { fault: TextFault };

/** The 300 most frequent characters of modern Chinese news text (simplified and traditional forms). */
const COMMON = new Set(
  [
    '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳便团往历市克何除消构府称太准精值号率族维划选标写存候亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龍國個們這來說時會對學經發動為與過從還應產開關體現實進長問話點當無種間後頭麼員業見樣給機電內區門邊數讓與東車從將項億萬億資額貿際簽約資訊總計劃務',
  ].join(''),
);

function commonShare(text: string): number {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  if (han.length === 0) return 0;
  return han.filter((c) => COMMON.has(c)).length / han.length;
}

export function decodeArticle(bytes: Uint8Array): Decoded {
  let body = bytes;
  let note: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    note = 'the file starts with a UTF-8 byte-order mark; it was read without it';
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const enc = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    try {
      const text = new TextDecoder(enc, { fatal: true }).decode(bytes.subarray(2));
      return checked(text, enc.toUpperCase(), `the file is ${enc.toUpperCase()}; it was read as such`);
    } catch {
      return {
        fault: { line: 1, message: `the file starts with a ${enc.toUpperCase()} byte-order mark but is not valid ${enc.toUpperCase()}` },
      };
    }
  }
  const utf8 = decodeText(body);
  if ('text' in utf8) return { text: utf8.text, encoding: 'UTF-8', ...(note ? { note } : {}) };
  if (!/not valid UTF-8/u.test(utf8.fault.message)) return utf8;
  const tries: { encoding: string; text: string; share: number }[] = [];
  for (const encoding of ['gb18030', 'big5']) {
    try {
      const text = new TextDecoder(encoding, { fatal: true }).decode(body);
      tries.push({ encoding, text, share: commonShare(text) });
    } catch {
      // not this encoding
    }
  }
  tries.sort((a, b) => b.share - a.share);
  const best = tries[0];
  if (!best || best.share < 0.5) {
    return {
      fault: {
        line: utf8.fault.line,
        message: `unreadable encoding: the file is not UTF-8, and read as GB18030 or Big5 it is not Chinese text (convert it to UTF-8: iconv -f ENCODING -t UTF-8)`,
      },
    };
  }
  const name = best.encoding === 'gb18030' ? 'GB18030' : 'Big5';
  return checked(
    best.text,
    name,
    `the file is not UTF-8; it reads as ${name} (${Math.round(best.share * 100)}% of its Chinese characters are common ones) and was decoded so`,
  );
}

function checked(text: string, encoding: string, note: string): Decoded {
  const again = decodeText(new TextEncoder().encode(text));
  return 'fault' in again ? again : { text: again.text, encoding, note };
}
