// What the parser says about a record it read from prose (src/parser/narrative.ts): on the reply
// card as what it understood, or as the reason it cannot act. The parser's other replies move
// here from src/parser/messages.ts with the rest of the catalogue.

export const parser = {
  narrative: {
    read: '按叙述读取了学校、日期和问题，请核对；也可用『学校：』『问题：』等栏目发送',
    noFindings: '叙述中没有找到『发现』或『存在』的问题，按无问题登记；如有问题，请用『问题：1、… 2、…』列出',
    noKeyword: '未写『提交督导记录』，按督导记录登记',
    schools: (names: string) =>
      `叙述中提到了多所学校：${names}。\n一条记录只能登记一所学校，请写明『学校：…』后重新发送。`,
  },
} as const;
