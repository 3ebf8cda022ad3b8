/**
 * Status: actual (a reported outcome), target (a goal: 力争, 目标, 确保, 争取, 年内, 到2025年) or
 * plan (an announced programme: 计划, 将, 拟, 要, 实施 … that sets no goal). 计划总投资 is what a
 * signed project plans to invest: an actual report, not a plan.
 */
export type Status = 'actual' | 'target' | 'plan';

export interface StatusReading {
  status: Status;
  word: string;
}

const TARGET = /力争|目标|确保|争取|预计|预期|年内|到\d{4}年|到20\d\d|突破性/u;
const PLAN =
  /计划(?!总投资|投资|总额|总金额)|(?<![即必])将(?![其之近])|(?<![虚模])拟(?!混)|要(?![求素点])|部署|实施|启动|(加快|着力|全力|大力|继续|持续|扎实)推进|(重点|着力|加快|全力)打造|谋划/u;
const DONE = /已|实现了|完成了|累计|同比|增长|达到了|签约了|共计/u;

/** A statement opening with a verb of work to be done, after an optional list marker (一是, 二要) or topic (保障推进上，). */
const TASK =
  /^\s*(?:[一二三四五六七八九十]+[是要][，,]?|[^，,。；;]{1,8}上[，,])?(实施|深入实施|建立|抓好|推动|全面推动|推进|打造|加快|大力|着力|加强|完善|深化|落实|培育|新培育|谋划|布局)/u;
/** Verbs that report what came of the work: a number after one is an outcome however the statement opens. */
const OUTCOME = /签约|引进|落地|开工|投产|完成|实现|新增|新设|到位|到账|举办|累计|共有|共计|达到了/u;

/** Words that make a whole sentence a goal, wherever they stand before the number. */
const SENTENCE_TARGET = /力争|确保|争取|目标[是为：:]|预计|到\d{4}年/u;

/**
 * `lead` is the quote's text before the number; `sentenceBefore` the whole sentence before it;
 * `future` says the figure's period ends after the article's date, so it cannot be an outcome.
 */
export function readStatus(
  lead: string,
  sentenceBefore: string,
  future = false,
  when: { past?: boolean; atLeast?: boolean; open?: boolean; statement?: string } = {},
): StatusReading {
  // words inside a title (《…行动计划》) name a document, not what the sentence says of the figure
  lead = lead.replace(/《[^《》]*》/gu, '《》');
  sentenceBefore = sentenceBefore.replace(/《[^《》]*》/gu, '《》');
  const t = TARGET.exec(lead) ?? SENTENCE_TARGET.exec(sentenceBefore);
  if (t) return { status: 'target', word: t[0] };
  // a period already over when the article appeared holds outcomes; in the article's own year,
  // 达到 (reach) without 已 and a floor (500个以上) are how goals are written
  if (!when.past && !DONE.test(lead)) {
    if (/(?<!已经?|已)达到$/u.test(lead)) return { status: 'target', word: '达到' };
    if (when.atLeast) return { status: 'target', word: '以上 (a floor set as a goal)' };
  }
  const p = PLAN.exec(lead);
  if (p && !DONE.test(lead)) return { status: 'plan', word: p[0] };
  // a statement that opens with what is to be done (实施…行动，…等十大工程; 建立“两张清单”), in a
  // period not yet over, with nothing saying it is done: a task, so a plan
  const task = when.open && when.statement ? TASK.exec(when.statement) : null;
  if (task && !DONE.test(when.statement ?? '') && !/了/u.test(when.statement ?? '') && !OUTCOME.test(lead)) {
    // a number of things the task is to bring into being (新培育20家企业, 打造园区2个) is its goal
    const aim = /(新培育|培育|打造|新建|建成)[^，,；;。]*$/u.exec(lead);
    if (aim) return { status: 'target', word: aim[1] as string };
    return { status: 'plan', word: task[1] as string };
  }
  if (future) {
    // what the sentence says will be done (将组织…，设立六个板块) is a plan; a goal names itself (力争, 目标)
    const will = /(?<![即必])将(?![其之近])|(?<![虚模])拟(?!混)|计划(?!总投资|投资|总额|总金额)/u.exec(sentenceBefore);
    if (will) return { status: 'plan', word: will[0] };
    return { status: 'target', word: 'a period that ends after the article’s date' };
  }
  return { status: 'actual', word: '' };
}
