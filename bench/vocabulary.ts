/**
 * The words the benches write visit records with: things a supervisor inspects and what is wrong
 * with them, taken from the vocabulary of the 2021 district work plans (docs/spec/domain.md), so
 * that benched problem texts have the length and characters of real ones (20–40 characters).
 */
export const PROBLEM_SUBJECTS = [
  '三年级作业公示栏',
  '课后服务学生签到表',
  '食堂留样记录',
  '一楼消防通道',
  '校门口护栏',
  '二楼教室照明灯具',
  '学生体质健康监测数据',
  '校园安全隐患排查台账',
  '午睡室通风设施',
  '实验室危化品管理台账',
  '校车接送登记表',
  '晨午检记录',
  '心理健康辅导室',
  '图书室借阅登记',
  '幼儿园户外活动场地',
  '教师培训档案',
  '控辍保学工作台账',
  '课后服务收费公示',
] as const;

/** Short faults (a one-line problem) and long ones (a problem with its consequence). */
export const SHORT_FAULTS = [
  '未按周更新',
  '缺2月数据',
  '记录不全',
  '堆放杂物',
  '松动',
  '损坏未修',
  '未按时上报',
  '未建立',
] as const;

export const LONG_FAULTS = [
  '未按周更新',
  '缺2月数据，记录不完整',
  '未落实双人签字制度',
  '堆放杂物，影响紧急疏散',
  '破损未及时修复，存在安全隐患',
  '部分损坏，影响学生视力',
  '未按要求上报区教委',
  '台账资料不全，整改不到位',
  '未落实专人管理',
  '未按规定公示收费标准',
] as const;

const TAILS = ['，请于期限内整改并上报', '，需立行立改', '，请补齐后报责任督学复查', ''] as const;

/** The i-th of a deterministic series of problem texts of 20–40 characters. */
export function problemText(i: number): string {
  let t =
    PROBLEM_SUBJECTS[i % PROBLEM_SUBJECTS.length]! +
    LONG_FAULTS[(i * 7) % LONG_FAULTS.length]! +
    TAILS[(i * 3) % TAILS.length]!;
  if (t.length < 20) t += '，请于期限内整改';
  return t.slice(0, 40);
}
