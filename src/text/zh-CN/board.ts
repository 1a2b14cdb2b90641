// The board's texts (src/http/board/): the sign-in and refusal pages the server draws, and the
// JSON API's refusals (the page's own texts are in src/http/board/public/board.js). A refusal
// never names a school or a person: the same few sentences whoever asks, whatever the link was for.

export const board = {
  pageTitle: '督导看板',
  howToGetALink:
    '请在企业微信或钉钉中向「督导助手」发送「看板」，获取您本人的看板链接（24 小时内有效）；领导也可点击每日日报中的「打开督导看板」。',
  /** a refused page: its title and its one sentence, by why */
  refusals: {
    no_session: { title: '请先登录督导看板', text: '督导看板只对名单内的人员开放。' },
    expired: { title: '链接已过期', text: '看板链接 24 小时内有效，这个链接已经过期。' },
    invalid: { title: '链接无效', text: '这个看板链接不完整或已被改动，无法打开。' },
    inactive: {
      title: '无法打开看板',
      text: '您的账号不在名单中或已停用。如需开通，请联系督导室管理员。',
    },
    other_person: {
      title: '链接不属于当前登录人员',
      text: '本浏览器已登录了另一位人员的看板，这个链接不能在此使用。如需切换，请先退出当前登录。',
    },
    platform_failed: {
      title: '登录未成功',
      text: '未能通过企业微信或钉钉确认您的身份，或您的账号不在名单中。',
    },
    not_configured: { title: '未启用该登录方式', text: '本系统未配置这种登录方式。' },
    not_found: { title: '页面不存在', text: '请检查链接是否完整。' },
  },
  loginWith: { wecom: '用企业微信登录', dingtalk: '用钉钉登录' },
  logoutAndContinue: '退出当前登录并打开此链接',
  /** the JSON API's refusals (the page turns them into its own words) */
  api: {
    unauthorized: '登录已失效，请重新打开看板链接',
    no_scope: '您的账号没有可查看的学校或责任区',
    not_found: '未找到',
    bad_date: '日期格式应为 YYYY-MM-DD，且不晚于今天',
  },
};
