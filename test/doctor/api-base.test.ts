import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { configFindings } from '../../src/doctor/config-checks.js';

/**
 * Every call to a platform carries its app secret or access_token (WeCom's in the query string):
 * an API base over plain HTTP hands them to anyone on the path. `dudao doctor` says so, naming the
 * variable, and says nothing of the fake platform on this machine the tests use.
 */
const wecom = {
  WECOM_CORP_ID: 'ww-doctor',
  WECOM_AGENT_ID: '1000002',
  WECOM_SECRET: 'doctor-secret',
  WECOM_TOKEN: 'tok',
  WECOM_AES_KEY: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  PUBLIC_BASE_URL: 'https://dudao.example.gov.cn',
};
const warnings = (env: Record<string, string>) =>
  configFindings(loadConfig(env), '.env').filter((f) => f.level === 'warn');

describe('doctor: a platform API base over http', () => {
  it('warns for a remote http:// base, with the variable and what to do, never the secret', () => {
    const w = warnings({ ...wecom, WECOM_API_BASE: 'http://wx.gov-intranet.example:8080' });
    const line = w.find((f) => f.text.startsWith('WECOM_API_BASE'));
    expect(line?.text).toContain('http://wx.gov-intranet.example:8080');
    expect(line?.text).toContain('明文');
    expect(line?.fix).toContain('https');
    expect(JSON.stringify(w)).not.toContain('doctor-secret');
  });

  it('says nothing for https, the default, or this machine', () => {
    for (const base of ['https://qyapi.weixin.qq.com', 'http://127.0.0.1:8123', 'http://localhost:9'])
      expect(
        warnings({ ...wecom, WECOM_API_BASE: base })
          .map((f) => f.text)
          .join(),
      ).not.toContain('WECOM_API_BASE');
    expect(
      warnings(wecom)
        .map((f) => f.text)
        .join(),
    ).not.toContain('API_BASE');
  });

  it('checks the DingTalk bases only when DingTalk is set up', () => {
    const ding = {
      DINGTALK_APP_KEY: 'k',
      DINGTALK_APP_SECRET: 's',
      DINGTALK_ROBOT_CODE: 'r',
      DINGTALK_MODE: 'stream',
      DINGTALK_OAPI_BASE: 'http://oapi.intranet.example',
    };
    expect(warnings({ ...wecom, ...ding }).some((f) => f.text.startsWith('DINGTALK_OAPI_BASE'))).toBe(true);
    expect(warnings({ ...wecom, DINGTALK_OAPI_BASE: 'http://oapi.intranet.example' }).length).toBe(0);
  });
});
