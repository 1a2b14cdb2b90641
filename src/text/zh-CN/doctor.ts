// `dudao doctor`'s report (src/doctor/, src/cli/doctor.ts), read by the office's IT person in a
// terminal: each finding says what was checked and how it stands (`text`), and, when something
// needs doing, what to do (`fix`, one sentence). Setting names, commands and paths stay as typed.

const NTP = '请配置 NTP 时间同步（chrony 或 systemd-timesyncd）';

export const doctor = {
  /** the report's sections, in order */
  sections: {
    config: '配置',
    redis: 'Redis',
    roster: '名单',
    platforms: '平台',
    service: '服务',
    clock: '时钟和日历',
  },
  /** the first line: 'dudao 体检 · 2026-03-16 09:00:00（Asia/Shanghai）' */
  heading: (today: string, time: string, timeZone: string) => `dudao 体检 · ${today} ${time}（${timeZone}）`,
  /** the last line */
  conclusion: {
    fails: (fails: number, warns: number) =>
      `结论：有 ${fails} 项需要处理（✗）${warns ? `，另有 ${warns} 项建议检查（!）` : ''}。`,
    warns: (warns: number) => `结论：没有必须处理的问题，有 ${warns} 项建议检查（!）。`,
    allGood: '结论：一切正常。',
  },
  /** src/cli/doctor.ts: where the configuration and Redis were found */
  run: {
    /** the configuration came from the process's environment, not a file */
    environment: '环境变量',
    noAnswer: (what: string, seconds: number) => `${what}：${seconds} 秒内无应答`,
    embeddedRedis: (dir: string, port: number) => `自带的 Redis（数据目录 ${dir}，端口 ${port}）`,
    startedRedis: '服务没有在运行：临时启动了数据目录中的 Redis 来检查，检查完即关闭',
    runningRedis: '使用服务正在运行的 Redis',
    connecting: (where: string) => `连接 ${where}`,
    /** the finding's text begins with this when Redis cannot be reached (and nothing after it is checked) */
    redisUnreachable: '无法连接 Redis',
    redisUnreachableBecause: (detail: string) => `无法连接 Redis：${detail}`,
    redisUnreachableFix: {
      external: '检查 REDIS_URL（地址、端口、密码）和 Redis 是否在运行',
      noServer: '找不到 redis-server：按部署手册「准备 Node.js 和 Redis」安装',
      embedded: '查看数据目录中的 redis.log',
    },
    rosterUnreadable: (detail: string) => `读取名单失败：${detail}`,
    noPlatforms: '没有配置平台，跳过',
  },
  /** src/doctor/config-checks.ts */
  config: {
    read: (source: string) => `配置读取正常（${source}）`,
    platformNames: {
      wecomApp: '企业微信自建应用',
      wecomBot: '企业微信智能机器人',
      dingtalk: (stream: boolean) => `钉钉应用（${stream ? 'Stream 模式' : 'HTTP 模式'}）`,
    },
    platforms: (platformNames: string[]) => `已配置：${platformNames.join('、')}`,
    noPlatform: {
      text: '没有配置任何平台：服务以演示模式运行（模拟器 /sim 和示例名单）',
      fix: '正式使用前按部署手册填写企业微信或钉钉的变量',
    },
    simOpen: {
      text: (url: string) => `模拟器开着，且设置了对外地址 ${url}：任何能访问该地址的人都能打开 /sim`,
      fix: '演示结束后配置平台变量（模拟器随之关闭），或不要对外开放该地址',
    },
    noBaseUrl: {
      text: '没有设置 PUBLIC_BASE_URL：平台不知道把消息发到哪里',
      fix: '在配置中写 PUBLIC_BASE_URL=https://你的域名（平台后台填写的回调地址就是它加上 /wecom/app 等路径）',
    },
    httpBaseUrl: {
      text: (url: string) => `PUBLIC_BASE_URL 是 http 地址（${url}）`,
      fix: '平台建议使用 https：在 nginx 上配置证书（见部署手册「HTTPS 反向代理」），改为 https:// 开头',
    },
    baseUrl: (url: string) => `对外地址 ${url}`,
    httpApiBase: {
      text: (name: string, url: string) =>
        `${name} 是 http 地址（${url}）：应用的 secret 和 access_token 将以明文传输`,
      fix: '请改为平台提供的 https 地址（政务微信、私有化部署请向平台管理员索取 https 地址）',
    },
    trustProxy: '服务在反向代理后面时，请设置 TRUST_PROXY=true（看板的 Cookie 和日志中的来源地址依赖它）',
    noAdminToken: '没有设置 ADMIN_TOKEN：/api/v1 和 /admin 处于关闭状态',
    adminToken: 'ADMIN_TOKEN 已设置：/api/v1 和 /admin 可用',
    times: (timeZone: string, start: string, end: string, digest: string) =>
      `时区 ${timeZone}，工作时间 ${start}-${end}，日报 ${digest}`,
    dataDirMissing: (dir: string) => `数据目录 ${dir} 还不存在（第一次启动时创建）`,
    diskLow: (dir: string, free: string) => `数据目录 ${dir} 所在磁盘只剩 ${free}`,
    diskFullFix: '磁盘写满时 Redis 会拒绝写入、服务停止接收消息：请清理磁盘或扩容',
    diskLowFix: '建议保留 2 GB 以上（AOF 重写时需要临时空间）',
    disk: (dir: string, free: string) => `数据目录 ${dir}，磁盘剩余 ${free}`,
  },
  /** src/doctor/redis-checks.ts; `node` is '（主节点 1/3）' in a cluster, empty otherwise */
  redis: {
    node: (n: number, of: number) => `（主节点 ${n}/${of}）`,
    tooOld: {
      text: (version: string, node: string) => `Redis ${version}${node} 太旧`,
      fix: '需要 Redis 6.2 或更新版本（BullMQ 和 dudao 的脚本依赖它）',
    },
    connected: (where: string, node: string, version: string) => `能连接 ${where}${node}，Redis ${version}`,
    evicts: {
      text: (policy: string, node: string) =>
        `maxmemory-policy 是 ${policy}${node}：内存满时 Redis 会悄悄删除数据（任务、去重记录、整改事项）`,
      fix: '在 redis.conf 中写 maxmemory-policy noeviction 并重启 Redis（或 CONFIG SET maxmemory-policy noeviction 后 CONFIG REWRITE）',
    },
    noeviction: (node: string) => `maxmemory-policy noeviction${node}`,
    noAof: {
      text: (node: string) =>
        `AOF（appendonly）没有开启${node}：Redis 重启或断电会丢失上次快照以后的全部数据`,
      fix: '在 redis.conf 中写 appendonly yes 和 appendfsync always（或 everysec）并重启 Redis（见 docs/production.md）',
    },
    aofFailed: {
      text: (node: string, status: string) => `AOF 最近一次写入失败${node}（${status}）`,
      fix: '检查 Redis 数据目录的磁盘空间和权限，以及 Redis 日志',
    },
    fsyncAlways: (node: string) => `AOF 已开启，appendfsync always${node}`,
    fsyncEverysec: {
      text: (node: string) =>
        `AOF 已开启，appendfsync everysec${node}：断电或内核崩溃时可能丢失最后 1 秒的消息`,
      fix: '磁盘够快时改为 appendfsync always（见 docs/production.md）',
    },
    fsyncNo: {
      text: (node: string) => `appendfsync no${node}：写入何时落盘由操作系统决定，断电会丢失数据`,
      fix: '改为 appendfsync always（见 docs/production.md）',
    },
    fsyncUnknown: (node: string) => `AOF 已开启${node}（无法读取 appendfsync：CONFIG 命令不可用）`,
    memoryHigh: {
      text: (percent: number, node: string) => `Redis 内存已用 ${percent}%${node}`,
      fix: '增大 maxmemory 或机器内存：满了以后服务会拒收消息',
    },
    memory: (mb: string, node: string) => `Redis 已用内存 ${mb} MB${node}（未设置 maxmemory）`,
  },
  /** src/doctor/platform-checks.ts */
  platforms: {
    wecom: '企业微信',
    dingtalk: '钉钉',
    /** what a WeCom errcode means for the operator (全局错误码, developer.work.weixin.qq.com/document/path/90455) */
    wecomErrors: {
      40013: {
        text: '企业ID 不对',
        fix: '核对 WECOM_CORP_ID：管理后台「我的企业 → 企业信息」最下方的企业ID',
      },
      40001: {
        text: '应用 Secret 不对',
        fix: '核对 WECOM_SECRET：管理后台「应用管理 → 应用 → 自建 → 本应用」的 Secret（点「查看」，发送到管理员的企业微信）',
      },
      40091: {
        text: '应用 Secret 不对',
        fix: '核对 WECOM_SECRET：管理后台「应用管理 → 应用 → 自建 → 本应用」的 Secret',
      },
      40056: {
        text: 'AgentId 不对',
        fix: '核对 WECOM_AGENT_ID：管理后台「应用管理 → 应用 → 自建 → 本应用」的 AgentId',
      },
      60020: {
        text: '本服务器的出口 IP 不在应用的「企业可信IP」中：所有消息都会发送失败',
        fix: '管理后台「应用管理 → 应用 → 自建 → 本应用」页面底部「企业可信IP」→「配置」，填入本服务器访问外网时的 IP（配置前须先设置「可信域名」或「接收消息服务器URL」）',
      },
      48002: { text: '应用没有调用该接口的权限', fix: '在管理后台检查应用的权限和可见范围' },
    },
    noAnswer: '无应答',
    wecomUnreachable: {
      text: (url: string, detail: string) => `无法连接企业微信接口 ${url}（${detail}）`,
      fix: '服务器须能访问该地址（政务外网请确认防火墙或代理已放行；政务微信请把 WECOM_API_BASE 设为其接口地址）',
    },
    wecomToken: {
      text: (errcode: number) => `获取 access_token 失败（errcode ${errcode}）`,
      fix: '核对 WECOM_CORP_ID 和 WECOM_SECRET',
    },
    wecomFailed: (what: string) => `企业微信：${what}`,
    wecomFailedSeenFrom: (what: string, ip: string) => `企业微信：${what}（企业微信看到的本机 IP：${ip}）`,
    wecomTokenOk: '企业微信：企业ID 和应用 Secret 正确（已取得 access_token）',
    wecomAgent: {
      text: (errcode: number) => `读取应用信息失败（errcode ${errcode}）`,
      fix: '核对 WECOM_AGENT_ID',
    },
    wecomAgentOk: (app: string) =>
      `企业微信：应用「${app}」可以调用接口（本服务器的 IP 已在企业可信IP 中，或应用不要求）`,
    wecomAgentClosed: {
      text: (app: string) => `企业微信：应用「${app}」已被停用`,
      fix: '在管理后台启用该应用',
    },
    wecomDomain: {
      text: (domain: string, host: string) =>
        `企业微信：应用的可信域名是 ${domain}，与 PUBLIC_BASE_URL 的 ${host} 不同`,
      fix: '看板的企业微信登录需要可信域名与对外地址一致：在应用的「网页授权及JS-SDK」中设置可信域名',
    },
    wecomBot:
      '企业微信智能机器人：Token 和 EncodingAESKey 只能由平台验证——在机器人的 API 设置中保存回调 URL 时，平台会发来校验请求，本服务应答即表示正确',
    dingtalkUnreachable: {
      text: (url: string, detail: string) => `无法连接钉钉接口 ${url}（${detail}）`,
      fix: '服务器须能访问 api.dingtalk.com 和 oapi.dingtalk.com（Stream 模式还需要访问 wss 连接地址）',
    },
    dingtalkIp: {
      text: '钉钉：本服务器的 IP 不在应用的服务器出口IP 白名单中',
      fix: '钉钉开发者后台 → 本应用 → 安全设置 → 服务器出口IP，加入本服务器访问外网时的 IP',
    },
    dingtalkCredentials: {
      text: (code: string) => `钉钉：Client ID 或 Client Secret 不对（${code}）`,
      fix: '核对 DINGTALK_APP_KEY 和 DINGTALK_APP_SECRET：钉钉开发者后台 → 本应用 →「凭证与基础信息」',
    },
    dingtalkOk: '钉钉：Client ID 和 Client Secret 正确（已取得 accessToken）',
    dingtalkStream: '钉钉 Stream 模式：服务启动后自行连接，不需要公网回调地址；连接状态见 /readyz 和日志',
  },
  /** src/doctor/service-checks.ts */
  service: {
    timeout: (seconds: number) => `${seconds} 秒内无应答`,
    unreachable: '无法连接',
    notRunning: {
      text: (url: string, detail: string) => `本机 ${url} 上没有 dudao 服务在应答（${detail}）`,
      fix: '启动服务：systemctl start dudao（服务在别的机器上时可忽略此项）',
    },
    ready: (url: string) => `服务正在运行，${url}/readyz 正常`,
    notReady: {
      text: (detail: string) => `服务在运行，但 /readyz 未就绪（${detail}）`,
      fix: '查看日志：journalctl -u dudao -n 50',
    },
    publicOk: (url: string) => `从本机能访问对外地址 ${url}`,
    publicFailed: {
      text: (url: string, detail: string) => `从本机访问对外地址 ${url} 失败（${detail}）`,
      fix: '检查域名解析、nginx 转发和证书（部署手册「HTTPS 反向代理」）；内网服务器访问不到自己的公网地址也是常见的，请在外网用手机浏览器打开该地址确认',
    },
    /** the platform's name: 企业微信, 钉钉 */
    skew: (platform: string, ahead: boolean, seconds: number) =>
      `本机时钟比${platform}服务器${ahead ? '快' : '慢'} ${seconds} 秒`,
    skewFailFix: `平台会拒收时间相差过大的签名，提醒也会在错误的时间发出：${NTP}`,
    skewWarnFix: NTP,
    inStep: (platform: string, seconds: number) =>
      `本机时钟与${platform}服务器一致（相差 ${seconds} 秒以内）`,
    ntp: '系统时钟已与 NTP 同步',
    noNtp: {
      text: '系统时钟没有与 NTP 同步（timedatectl）',
      fix: '配置内网的 NTP 服务器：chrony 或 systemd-timesyncd',
    },
    noClock: '无法核对时钟（没有可比较的平台服务器，也没有 timedatectl）',
    noHolidays: {
      text: (year: number) => `节假日数据不含 ${year} 年：法定节假日和调休会被当作普通工作日`,
      fix: '升级 dudao（新版本带有最新的节假日安排）',
    },
    noHolidaysNextYear: {
      text: (year: number) => `节假日数据还不含 ${year} 年`,
      fix: (year: number) => `国务院公布 ${year} 年节假日安排后，请在元旦前升级 dudao`,
    },
    holidays: (year: number, nextYear: boolean) =>
      `节假日数据包含 ${year} 年${nextYear ? `和 ${year + 1} 年` : ''}`,
    noRoster: {
      text: '还没有导入名单',
      fix: '准备名单文件后运行 dudao import 名单.xlsx --dry-run，无误后去掉 --dry-run',
    },
    roster: (schools: number, people: number) => `名单：学校 ${schools} 所，在职人员 ${people} 人`,
    noLeader: {
      text: '名单中没有领导：每日督导日报无人接收',
      fix: '在人员表中给相应人员填写角色「领导」',
    },
    noAdmin: {
      text: '名单中没有管理员：无法送达的提醒无人接收',
      fix: '在人员表中给负责系统的人员填写角色「管理员」',
    },
    unreachablePeople: {
      /** the first five names, and 等 when there are more */
      text: (n: number, personNames: string[]) =>
        `${n} 人既没有企业微信也没有钉钉账号，发给他们的通知无法送达：${personNames.slice(0, 5).join('、')}${personNames.length > 5 ? ' 等' : ''}`,
      fix: '在人员表的「企业微信」或「钉钉」列补上账号后重新导入',
    },
  },
};
