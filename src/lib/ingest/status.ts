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
const PLAN = /计划(?!总投资|投资|总额|总金额)|(?<![即必])将(?![其之近])|拟(?!混)|要(?![求素点])|部署|实施|启动|推进|谋划/u;
const DONE = /已|实现了|完成了|累计|同比|增长|达到了|签约了|共计/u;

/** `lead` is the clause text before the number; `sentence` the whole sentence before it. */
export function readStatus(lead: string, sentenceBefore: string): StatusReading {
  for (const text of [lead, sentenceBefore]) {
    const t = TARGET.exec(text);
    if (t) return { status: 'target', word: t[0] };
  }
  for (const text of [lead, sentenceBefore]) {
    const p = PLAN.exec(text);
    if (p && !DONE.test(lead)) return { status: 'plan', word: p[0] };
  }
  return { status: 'actual', word: '' };
}
