import type { Config } from '../config.js';
import { probeWecomApp } from '../platforms/wecom/probe.js';
import { probeDingtalkApp } from '../platforms/dingtalk/probe.js';
import { fail, info, ok, warn, type Finding } from './finding.js';
import { zh } from '../text/zh-CN/index.js';

/** What a WeCom errcode means for the operator (全局错误码, developer.work.weixin.qq.com/document/path/90455). */
const wecomCodes: Record<number, { text: string; fix: string }> = zh.doctor.platforms.wecomErrors;

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
    if (p.serverDate) clocks.push({ name: zh.doctor.platforms.wecom, date: p.serverDate });
    if (!p.reachable)
      findings.push(
        fail(
          zh.doctor.platforms.wecomUnreachable.text(
            c.WECOM_API_BASE,
            p.networkError ?? zh.doctor.platforms.noAnswer,
          ),
          zh.doctor.platforms.wecomUnreachable.fix,
        ),
      );
    else if (p.token && !p.token.ok) {
      const { text, fix } = wecomCodes[p.token.errcode] ?? {
        text: zh.doctor.platforms.wecomToken.text(p.token.errcode),
        fix: zh.doctor.platforms.wecomToken.fix,
      };
      findings.push(fail(zh.doctor.platforms.wecomFailed(text), fix));
    } else {
      findings.push(ok(zh.doctor.platforms.wecomTokenOk));
      const a = p.agent;
      if (a && !a.ok) {
        const { text, fix } = wecomCodes[a.errcode] ?? {
          text: zh.doctor.platforms.wecomAgent.text(a.errcode),
          fix: zh.doctor.platforms.wecomAgent.fix,
        };
        findings.push(
          fail(
            a.fromIp
              ? zh.doctor.platforms.wecomFailedSeenFrom(text, a.fromIp)
              : zh.doctor.platforms.wecomFailed(text),
            fix,
          ),
        );
      } else if (a?.ok) {
        findings.push(ok(zh.doctor.platforms.wecomAgentOk(a.name)));
        if (a.closed)
          findings.push(
            fail(zh.doctor.platforms.wecomAgentClosed.text(a.name), zh.doctor.platforms.wecomAgentClosed.fix),
          );
        if (c.PUBLIC_BASE_URL && a.redirectDomain) {
          const host = new URL(c.PUBLIC_BASE_URL).host;
          if (a.redirectDomain !== host)
            findings.push(
              warn(
                zh.doctor.platforms.wecomDomain.text(a.redirectDomain, host),
                zh.doctor.platforms.wecomDomain.fix,
              ),
            );
        }
      }
    }
  }
  if (c.wecomBotEnabled) findings.push(info(zh.doctor.platforms.wecomBot));
  if (c.dingtalkEnabled) {
    const p = await probeDingtalkApp({
      apiBase: c.DINGTALK_API_BASE,
      appKey: c.DINGTALK_APP_KEY!,
      appSecret: c.DINGTALK_APP_SECRET!,
    });
    if (p.serverDate) clocks.push({ name: zh.doctor.platforms.dingtalk, date: p.serverDate });
    if (!p.reachable)
      findings.push(
        fail(
          zh.doctor.platforms.dingtalkUnreachable.text(
            c.DINGTALK_API_BASE,
            p.networkError ?? zh.doctor.platforms.noAnswer,
          ),
          zh.doctor.platforms.dingtalkUnreachable.fix,
        ),
      );
    else if (p.token && !p.token.ok) {
      const ip = /IpNotInWhiteList/i.test(p.token.code);
      findings.push(
        fail(
          ip
            ? zh.doctor.platforms.dingtalkIp.text
            : zh.doctor.platforms.dingtalkCredentials.text(p.token.code),
          ip ? zh.doctor.platforms.dingtalkIp.fix : zh.doctor.platforms.dingtalkCredentials.fix,
        ),
      );
    } else findings.push(ok(zh.doctor.platforms.dingtalkOk));
    if (c.DINGTALK_MODE === 'stream') findings.push(info(zh.doctor.platforms.dingtalkStream));
  }
  return { findings, clocks };
}
