/**
 * What is not a figure, though it is written with numbers: dates and datelines, periods,
 * durations, document numbers, numbers inside names and titles, list markers, ordinals, and a
 * threshold that names a category (the 1亿元 in 1亿元以上项目). Each rule returns the reason, so
 * the review page can say why a number was passed over.
 */
import type { NumberToken } from './numbers.ts';

/** `before`/`after`: the sentence's text on each side of the number. */
export function notAFigure(token: NumberToken, before: string, after: string): string | undefined {
  const prev = before.slice(-1);
  const four = /^\d{4}$/u.test(token.value) && Number(token.value) >= 1900 && Number(token.value) <= 2100;
  if (token.script === 'arabic' && four && /^(年|·|－|-\d|\/)/u.test(after)) return 'a year';
  if (/^(年度|财年)/u.test(after)) return 'a year';
  if (/^[-—–~～至到](\d+|[一二三四五六七八九十]+)月/u.test(after) || /月[-—–~～至到]$/u.test(before)) return 'a period (months)';
  if (/^(月|日|号|时|点(?!\d)|分(?!之)|秒|:|：\d)/u.test(after)) return 'a date, a time or a number in a name (号)';
  if (/^(季度|半年|个季度)/u.test(after) || (/(上|下)$/u.test(before) && /^半年/u.test(after))) return 'a period (quarter)';
  if (/^(个月|年|周年|多年|余年|天|日|周|小时|个年头|年来|年间|周岁|岁|年代|世纪)/u.test(after)) return 'a duration, age or period';
  if (/^个?(工作日|多月)/u.test(after)) return 'a duration';
  if (/^(届|版|强|号|期|轮|次会议|代)/u.test(after) && !/^(强国|强市|强省)/u.test(after))
    return 'a number in a name or an ordinal (届, 版, 强, 号)';
  if (prev === '第' || /第$/u.test(before)) return 'an ordinal';
  if (/前$/u.test(before) && !/^(个月|季度)/u.test(after)) return 'a top-N list (前N), not a quantity';
  if (/[A-Za-z+＋]$/u.test(before) || /^[A-Za-z+＋]/u.test(after)) return 'part of a name or code (5G, 4+4+2)';
  if (/[《〈][^》〉]*$/u.test(before)) return 'inside a title 《…》';
  if (/[〔[【(（]$/u.test(before) && /^[〕\]】)）]/u.test(after)) return 'a list marker or document number';
  if (/^\s*[■●◆▲·\-—*]?\s*$/u.test(before) && /^([、.．]|\s)(?!\d)/u.test(after)) return 'a list marker';
  if (/^(是|要|方面|则|来)/u.test(after)) return 'a list marker (一是, 二要)';
  if (/^分之/u.test(after)) return 'a fraction word';
  if (/^位数/u.test(after)) return 'a figure of speech (两位数增长), not a quantity';
  if (
    token.script === 'chinese' &&
    /^(个|种|张|条)(方面|关键字|关键词|层面|维度|市场|资源|战场|原则|转变|结合|方向|路径|作用|抓手|字|句话|定位|统筹|导向)/u.test(after)
  )
    return 'a count of abstract things (三个方面, 两个市场), a figure of speech';
  if (/^大(主要)?(战场|方面|任务|行动|体系)/u.test(after) && token.script === 'chinese') return 'a figure of speech (三大主要战场)';
  if (/^个\d/u.test(after)) return 'part of a slogan or name (5个1)';
  if (/^大(新兴|优势|战略性|现代|重点|主导|传统|未来)?[\p{Script=Han}]{0,4}?(产业|行业|领域|服务业|制造业)(?!集聚区)/u.test(after))
    return 'a number in the name of a group of industries (十大新兴产业)';
  return undefined;
}

/**
 * A money threshold that names a category: 5亿元以上项目, 过亿美元大项目, 税收过亿元楼宇. The unit
 * has been read; `rest` is the text after it.
 */
export function isCategoryThreshold(rest: string, unitKind: string | undefined): boolean {
  if (unitKind !== 'money') return false;
  return (
    /^(以上|及以上|级)?[\p{Script=Han}\d“”"]{0,10}?(项目|企业|园区|楼宇|工程|公司|客户|集团)/u.test(rest) &&
    !/^(以上|及以上)?的/u.test(rest)
  );
}

/** 7大优势产业项目59个: a count before 大 names a group when the clause goes on to count it. */
export function isGroupName(after: string): boolean {
  return /^大[^，,。；;、]*?\d/u.test(after) || /^大[^，,。；;、]*?[一二三四五六七八九十两]+[个家项]/u.test(after);
}
