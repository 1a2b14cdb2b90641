import { statfsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { fail, info, ok, warn, type Finding } from './finding.js';

/**
 * The configuration as read (a bad value never gets this far: the CLI stops on it first): which
 * platforms are set up, whether the platforms can call back, and the things that are legal but
 * unwise on a server (the simulator on, an http:// callback address, no admin token).
 */
export function configFindings(c: Config, source: string): Finding[] {
  const out: Finding[] = [ok(`配置读取正常（${source}）`)];
  const platforms = [
    c.wecomAppEnabled && '企业微信自建应用',
    c.wecomBotEnabled && '企业微信智能机器人',
    c.dingtalkEnabled && `钉钉应用（${c.DINGTALK_MODE === 'stream' ? 'Stream 模式' : 'HTTP 模式'}）`,
  ].filter(Boolean);
  if (platforms.length) out.push(ok(`已配置：${platforms.join('、')}`));
  else
    out.push(
      warn(
        '没有配置任何平台：服务以演示模式运行（模拟器 /sim 和示例名单）',
        '正式使用前按部署手册填写企业微信或钉钉的变量',
      ),
    );
  if (c.SIM === 'on' && platforms.length === 0 && c.PUBLIC_BASE_URL)
    out.push(
      warn(
        `模拟器开着，且设置了对外地址 ${c.PUBLIC_BASE_URL}：任何能访问该地址的人都能打开 /sim`,
        '演示结束后配置平台变量（模拟器随之关闭），或不要对外开放该地址',
      ),
    );
  const needsCallback =
    c.wecomAppEnabled || c.wecomBotEnabled || (c.dingtalkEnabled && c.DINGTALK_MODE === 'http');
  if (!c.PUBLIC_BASE_URL) {
    if (needsCallback)
      out.push(
        fail(
          '没有设置 PUBLIC_BASE_URL：平台不知道把消息发到哪里',
          '在配置中写 PUBLIC_BASE_URL=https://你的域名（平台后台填写的回调地址就是它加上 /wecom/app 等路径）',
        ),
      );
  } else if (!c.PUBLIC_BASE_URL.startsWith('https://')) {
    out.push(
      warn(
        `PUBLIC_BASE_URL 是 http 地址（${c.PUBLIC_BASE_URL}）`,
        '平台建议使用 https：在 nginx 上配置证书（见部署手册「HTTPS 反向代理」），改为 https:// 开头',
      ),
    );
  } else out.push(ok(`对外地址 ${c.PUBLIC_BASE_URL}`));
  if (c.PUBLIC_BASE_URL?.startsWith('https://') && !c.TRUST_PROXY && c.HOST !== '0.0.0.0')
    out.push(info('服务在反向代理后面时，请设置 TRUST_PROXY=true（看板的 Cookie 和日志中的来源地址依赖它）'));
  if (!c.ADMIN_TOKEN) out.push(info('没有设置 ADMIN_TOKEN：/api/v1 和 /admin 处于关闭状态'));
  else out.push(ok('ADMIN_TOKEN 已设置：/api/v1 和 /admin 可用'));
  out.push(
    info(`时区 ${c.TIMEZONE}，工作时间 ${c.WORK_HOURS.start}-${c.WORK_HOURS.end}，日报 ${c.DIGEST_TIME}`),
  );
  return out;
}

/** DATA_DIR (the embedded Redis's files, media, exports): free space on its disk. */
export function dataDirFindings(dataDir: string): Finding[] {
  const dir = resolve(dataDir);
  let free: number;
  try {
    const s = statfsSync(dir);
    free = s.bavail * s.bsize;
  } catch {
    return [info(`数据目录 ${dir} 还不存在（第一次启动时创建）`)];
  }
  const gb = free / 1024 ** 3;
  const shown = gb >= 1 ? `${gb.toFixed(1)} GB` : `${Math.round(free / 1024 ** 2)} MB`;
  if (free < 200 * 1024 ** 2)
    return [
      fail(
        `数据目录 ${dir} 所在磁盘只剩 ${shown}`,
        '磁盘写满时 Redis 会拒绝写入、服务停止接收消息：请清理磁盘或扩容',
      ),
    ];
  if (free < 2 * 1024 ** 3)
    return [warn(`数据目录 ${dir} 所在磁盘只剩 ${shown}`, '建议保留 2 GB 以上（AOF 重写时需要临时空间）')];
  return [ok(`数据目录 ${dir}，磁盘剩余 ${shown}`)];
}
