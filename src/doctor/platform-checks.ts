import type { Config } from '../config.js';
import { probeWecomApp } from '../platforms/wecom/probe.js';
import { probeDingtalkApp } from '../platforms/dingtalk/probe.js';
import { fail, info, ok, warn, type Finding } from './finding.js';

/** What a WeCom errcode means for the operator (全局错误码, developer.work.weixin.qq.com/document/path/90455). */
const wecomCodes: Record<number, [string, string]> = {
  40013: ['企业ID 不对', '核对 WECOM_CORP_ID：管理后台「我的企业 → 企业信息」最下方的企业ID'],
  40001: [
    '应用 Secret 不对',
    '核对 WECOM_SECRET：管理后台「应用管理 → 应用 → 自建 → 本应用」的 Secret（点「查看」，发送到管理员的企业微信）',
  ],
  40091: ['应用 Secret 不对', '核对 WECOM_SECRET：管理后台「应用管理 → 应用 → 自建 → 本应用」的 Secret'],
  40056: ['AgentId 不对', '核对 WECOM_AGENT_ID：管理后台「应用管理 → 应用 → 自建 → 本应用」的 AgentId'],
  60020: [
    '本服务器的出口 IP 不在应用的「企业可信IP」中：所有消息都会发送失败',
    '管理后台「应用管理 → 应用 → 自建 → 本应用」页面底部「企业可信IP」→「配置」，填入本服务器访问外网时的 IP（配置前须先设置「可信域名」或「接收消息服务器URL」）',
  ],
  48002: ['应用没有调用该接口的权限', '在管理后台检查应用的权限和可见范围'],
};

/**
 * The platforms' credentials, tried against the configured API bases (WECOM_API_BASE,
 * DINGTALK_API_BASE: 政务微信 and private deployments, and the tests' fake platform), and the
 * platforms' clocks (the answers' Date header) for the clock check.
 */
export async function platformFindings(
  c: Config,
): Promise<{ findings: Finding[]; clocks: { name: string; date: Date }[] }> {
  const findings: Finding[] = [];
  const clocks: { name: string; date: Date }[] = [];
  if (c.wecomAppEnabled) {
    const p = await probeWecomApp({
      baseUrl: c.WECOM_API_BASE,
      corpId: c.WECOM_CORP_ID!,
      secret: c.WECOM_SECRET!,
      agentId: c.WECOM_AGENT_ID!,
    });
    if (p.serverDate) clocks.push({ name: '企业微信', date: p.serverDate });
    if (!p.reachable)
      findings.push(
        fail(
          `无法连接企业微信接口 ${c.WECOM_API_BASE}（${p.networkError ?? '无应答'}）`,
          '服务器须能访问该地址（政务外网请确认防火墙或代理已放行；政务微信请把 WECOM_API_BASE 设为其接口地址）',
        ),
      );
    else if (p.token && !p.token.ok) {
      const [what, fix] = wecomCodes[p.token.errcode] ?? [
        `获取 access_token 失败（errcode ${p.token.errcode}）`,
        '核对 WECOM_CORP_ID 和 WECOM_SECRET',
      ];
      findings.push(fail(`企业微信：${what}`, fix));
    } else {
      findings.push(ok('企业微信：企业ID 和应用 Secret 正确（已取得 access_token）'));
      const a = p.agent;
      if (a && !a.ok) {
        const [what, fix] = wecomCodes[a.errcode] ?? [
          `读取应用信息失败（errcode ${a.errcode}）`,
          '核对 WECOM_AGENT_ID',
        ];
        findings.push(
          fail(`企业微信：${what}${a.fromIp ? `（企业微信看到的本机 IP：${a.fromIp}）` : ''}`, fix),
        );
      } else if (a?.ok) {
        findings.push(
          ok(`企业微信：应用「${a.name}」可以调用接口（本服务器的 IP 已在企业可信IP 中，或应用不要求）`),
        );
        if (a.closed) findings.push(fail(`企业微信：应用「${a.name}」已被停用`, '在管理后台启用该应用'));
        if (c.PUBLIC_BASE_URL && a.redirectDomain) {
          const host = new URL(c.PUBLIC_BASE_URL).host;
          if (a.redirectDomain !== host)
            findings.push(
              warn(
                `企业微信：应用的可信域名是 ${a.redirectDomain}，与 PUBLIC_BASE_URL 的 ${host} 不同`,
                '看板的企业微信登录需要可信域名与对外地址一致：在应用的「网页授权及JS-SDK」中设置可信域名',
              ),
            );
        }
      }
    }
  }
  if (c.wecomBotEnabled)
    findings.push(
      info(
        '企业微信智能机器人：Token 和 EncodingAESKey 只能由平台验证——在机器人的 API 设置中保存回调 URL 时，平台会发来校验请求，本服务应答即表示正确',
      ),
    );
  if (c.dingtalkEnabled) {
    const p = await probeDingtalkApp({
      apiBase: c.DINGTALK_API_BASE,
      appKey: c.DINGTALK_APP_KEY!,
      appSecret: c.DINGTALK_APP_SECRET!,
    });
    if (p.serverDate) clocks.push({ name: '钉钉', date: p.serverDate });
    if (!p.reachable)
      findings.push(
        fail(
          `无法连接钉钉接口 ${c.DINGTALK_API_BASE}（${p.networkError ?? '无应答'}）`,
          '服务器须能访问 api.dingtalk.com 和 oapi.dingtalk.com（Stream 模式还需要访问 wss 连接地址）',
        ),
      );
    else if (p.token && !p.token.ok) {
      const ip = /IpNotInWhiteList/i.test(p.token.code);
      findings.push(
        fail(
          ip
            ? '钉钉：本服务器的 IP 不在应用的服务器出口IP 白名单中'
            : `钉钉：Client ID 或 Client Secret 不对（${p.token.code}）`,
          ip
            ? '钉钉开发者后台 → 本应用 → 安全设置 → 服务器出口IP，加入本服务器访问外网时的 IP'
            : '核对 DINGTALK_APP_KEY 和 DINGTALK_APP_SECRET：钉钉开发者后台 → 本应用 →「凭证与基础信息」',
        ),
      );
    } else findings.push(ok('钉钉：Client ID 和 Client Secret 正确（已取得 accessToken）'));
    if (c.DINGTALK_MODE === 'stream')
      findings.push(
        info('钉钉 Stream 模式：服务启动后自行连接，不需要公网回调地址；连接状态见 /readyz 和日志'),
      );
  }
  return { findings, clocks };
}
