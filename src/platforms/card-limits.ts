/**
 * Every platform's documented card limits, in one table. The renderers shorten texts to these
 * numbers (src/platforms/<p>/render-*.ts), the property test checks every rendered card against
 * them (test/platforms/card-limits.test.ts), and nothing else in the code spells a limit.
 *
 * Lengths in `chars` are user-perceived characters (graphemes: an emoji or a CJK character
 * counts 1), the platforms' "字"; `bytes` are UTF-8 bytes.
 *
 * WeCom self-built app, template_card (发送应用消息 → 模板卡片消息 → 按钮交互型),
 * https://developer.work.weixin.qq.com/document/path/90236 — the field notes read:
 *   main_title.title "建议不超过36个字"; main_title.desc "建议不超过44个字";
 *   sub_title_text "建议不超过160个字"; horizontal_content_list "列表长度不超过6",
 *   keyname "建议不超过5个字", value "建议不超过30个字"; button_list "列表长度不超过6",
 *   button text "建议不超过10个字", key "最长支持1024字节，不可重复";
 *   source.desc "建议不超过20个字";
 *   task_id "同一个应用任务id不能重复，只能由数字、字母和“_-@”组成，最长128字节".
 * Updating a sent card (更新模版卡片消息, https://developer.work.weixin.qq.com/document/path/94888):
 *   "可回调的卡片可以更新成任何一种模板卡片"; a response_code is good for one update within 72 h;
 *   replace_text (the greyed buttons' text) is a button text, so it gets the button's 10.
 *
 * WeCom smart bot (智能机器人), its own template card page,
 * https://developer.work.weixin.qq.com/document/path/101032, where it differs from the app:
 *   sub_title_text "建议不超过112个字"; source.desc "建议不超过13个字"; task_id required for
 *   button_interaction ("同一个机器人任务id不能重复 … 最长128字节"). Its response_url takes
 *   markdown "最长不超过20480个字节" (https://developer.work.weixin.qq.com/document/path/101138).
 *
 * DingTalk interactive card (互动卡片, createAndDeliver / PUT /v1.0/card/instances,
 * https://open.dingtalk.com/document/orgapp/create-and-deliver-cards): cardParamMap values are
 * strings; the documentation available to us gives no length limit per variable, so the limits
 * below are dudao's own template contract (render-card.ts lists the variables): a title that
 * fits the conversation list (30, as the robot markdown title), at most 6 buttons of 8
 * characters (two buttons side by side on a phone), and a body within the robot markdown limits
 * (2000 characters, 6000 bytes: render-markdown.ts).
 */
export interface WecomTemplateLimits {
  title: number;
  titleDesc: number;
  subTitle: number;
  sourceDesc: number;
  fields: number;
  keyname: number;
  value: number;
  buttons: number;
  buttonText: number;
  keyBytes: number;
  taskIdBytes: number;
  /** "只能由数字、字母和“_-@”组成" */
  taskIdPattern: RegExp;
}

const wecomApp: WecomTemplateLimits = {
  title: 36,
  titleDesc: 44,
  subTitle: 160,
  sourceDesc: 20,
  fields: 6,
  keyname: 5,
  value: 30,
  buttons: 6,
  buttonText: 10,
  keyBytes: 1024,
  taskIdBytes: 128,
  taskIdPattern: /^[0-9A-Za-z_\-@]+$/,
};

export const CARD_LIMITS = {
  /** message/send template_card (document/path/90236) and its update (document/path/94888) */
  wecomApp,
  /** the smart bot's template card (document/path/101032): shorter sub-title and source */
  wecomBot: { ...wecomApp, subTitle: 112, sourceDesc: 13 } satisfies WecomTemplateLimits,
  /** dudao's DingTalk card template contract (render-card.ts) */
  dingtalkCard: {
    title: 30,
    subtitle: 60,
    buttons: 6,
    buttonText: 8,
    keyBytes: 1024,
    bodyChars: 2000,
    bodyBytes: 6000,
  },
} as const;
