// What operators read from the command line (src/cli.ts, src/cli/): `npx dudao --help` and each
// command's usage, argument mistakes, and what a command reports when it is done. Option names,
// command names, paths and setting names stay as typed. The roster import's lines are in
// roster.ts, `dudao doctor`'s report in doctor.ts.

/** the options every command takes, at the end of each usage */
const COMMON = `  --verbose   同时在标准错误输出打印运行日志（JSON 行，排查问题时用）
  --help      显示本说明`;

const ALL = `用法：npx dudao <命令> [选项]      每个命令加 --help 查看详细说明

命令：
  serve                                    网页服务和后台任务一起运行（npm start 运行的就是它）
  web | worker                             只运行网页服务或只运行后台任务（多进程部署时用）
  import <文件> [--dry-run]                从 .xlsx、.csv 或 .json 导入名单（全部无误才写入）
  parse [--now 时间] [--json] <文本>       查看一条消息会被如何理解，不保存任何内容
  remind [--at 时间] [--dry-run] [--json]  按某个时间运行一次到期提醒和逾期升级
  digest [--date YYYY-MM-DD] [--dry-run]   生成某天的督导日报并发送（--dry-run 只打印）
  export --month YYYY-MM --out 文件.xlsx   导出某月的督导记录、整改事项、统计和逾期通报
  doctor                                   体检：配置、Redis、平台凭据、回调地址、时钟，逐项说明
  backup --dir 目录 [--keep 天数]          备份全部数据（Redis 快照），删除过期的备份
  restore <备份文件> [--force]             把备份恢复到 DATA_DIR（须先停止服务）
  help                                     显示本列表

配置从环境变量和当前目录的 .env 读取（设置了 DUDAO_ENV_FILE 时读取该文件）。`;

const COMMANDS = {
  serve: `用法：npx dudao serve

在一个进程里运行网页服务（平台回调、/api/v1、/admin、/metrics、模拟器）和全部后台任务，
直到收到 SIGTERM 或 Ctrl+C；收到后 10 秒内处理完手头的任务并退出。未设置 REDIS_URL 时
在 DATA_DIR 中启动自带的 Redis。

${COMMON}`,
  web: `用法：npx dudao web

只运行网页服务（平台回调、/api/v1、/admin、/metrics），后台任务由 worker 进程处理。

${COMMON}`,
  worker: `用法：npx dudao worker

只运行后台任务（处理消息、发送、提醒、日报），不监听端口。

${COMMON}`,
  import: `用法：npx dudao import <文件> [--dry-run]

导入名单：学校、人员、群聊（以及工作安排）。文件可以是
  名单.xlsx            工作表 学校、人员、群聊（工作安排可选）
  学校.csv 或 人员.csv   同一目录下每张表一个 CSV 文件（也可用 schools.csv、people.csv、chats.csv），
                       UTF-8 或 Excel 在中文 Windows 上保存的 GBK 编码都可以
  名单.json            一个对象，含 schools、people、chats 三个数组
全部无误才写入；有错误时逐条列出（表、行、列），什么也不改。名单里没有的人员和学校会被停用，
不会删除。

  --dry-run   只检查，不写入
${COMMON}

例：npx dudao import 名单.xlsx --dry-run`,
  parse: `用法：npx dudao parse [--now 时间] [--json] <文本>      不给文本时从标准输入读取

显示一条消息会被如何理解（按 Redis 中的名单匹配学校），不保存、不发送任何内容。

  --now 时间   假定现在是这个时间，如 2026-03-16T09:00（按 TIMEZONE）或 2026-03-16T09:00:00+08:00
  --json      输出一个 JSON 对象
${COMMON}

例：npx dudao parse "整改完成 ZG-12 已更换灭火器"`,
  remind: `用法：npx dudao remind [--at 时间] [--dry-run] [--json]

按某个时间（默认现在）运行一次到期提醒、督办和逾期升级：该发的立即发出，已发过的不会重发。
非工作日或不在 WORK_HOURS 内时什么也不发，并说明原因。

  --at 时间    假定现在是这个时间，如 2026-03-16T09:00（按 TIMEZONE）
  --dry-run   只列出会发的消息，不发送
  --json      输出一个 JSON 数组
${COMMON}`,
  digest: `用法：npx dudao digest [--date YYYY-MM-DD] [--dry-run]

生成某天早上的督导日报并打印全区的一份；不加 --dry-run 时同时发给每位领导
（每天每人只发一次，重复运行不会重发）。

  --date YYYY-MM-DD   哪一天早上的日报（默认今天）
  --dry-run           只打印，不发送
${COMMON}

例：npx dudao digest --date 2026-03-16 --dry-run`,
  export: `用法：npx dudao export --month YYYY-MM --out 文件.xlsx

把某月的督导记录、整改事项（含此前月份结转、本月仍在整改的）、统计和逾期通报导出为一个
Excel 工作簿；每张表都有标题（OFFICE_NAME 和月份），可直接打印。月份已结束时，通报截至月末。

  --month YYYY-MM   哪个月，如 2026-03
  --out 文件.xlsx    写到哪个文件
${COMMON}

例：npx dudao export --month 2026-03 --out 2026年3月督导.xlsx`,
  doctor: `用法：npx dudao doctor

逐项检查：配置、Redis（能否连接、版本、noeviction、AOF）、数据目录的磁盘空间、名单、平台凭据
（用配置的接口地址真的取一次 access_token，并检查企业可信IP）、服务是否在运行、对外地址从本机能否
访问、服务器时钟和节假日数据。每项前面是 ✓（正常）、!（建议检查）或 ✗（必须处理），✗ 下面写着
怎么处理。没有 ✗ 时退出码为 0，否则为 1（可用于巡检脚本）。它不改动任何东西。

${COMMON}`,
  backup: `用法：npx dudao backup --dir 目录 [--keep 天数]

备份 Redis 中的全部数据：让 Redis 执行 BGSAVE，等它完成后把快照复制为
目录/dudao-年月日-时分秒.rdb，再删除该目录中超过保留天数的 dudao-*.rdb（其他文件不动）。
Redis 的数据文件不在本机或无权读取时，用 redis-cli --rdb 通过网络取得快照。服务运行时也可以备份。

  --dir 目录       备份放在哪里（再定期复制到另一台机器或网络存储上）
  --keep 天数      保留多少天（默认 14）
${COMMON}

例：npx dudao backup --dir /var/backups/dudao --keep 30`,
  restore: `用法：npx dudao restore <备份文件> [--force]

把 dudao backup 生成的 .rdb 快照恢复到 DATA_DIR（自带的 Redis），须先停止服务。DATA_DIR 中原有
的数据不会删除，会移到 DATA_DIR/before-restore-时间/ 下。使用外部 Redis（设置了 REDIS_URL）时，
请在 Redis 所在的机器上恢复（见 docs/production.md）。

  --force   DATA_DIR 中已有数据时也恢复（原有数据移到 before-restore-时间/）
${COMMON}

例：npx dudao restore /var/backups/dudao/dudao-20260316-023000.rdb --force`,
};

const TIME_EXAMPLE = (timeZone: string) => `2026-03-16T09:00（按 ${timeZone}）或 2026-03-16T09:00:00+08:00`;

export const cli = {
  usage: {
    /** `npx dudao --help`: every command */
    all: ALL,
    /** `npx dudao <command> --help`, by command */
    commands: COMMANDS,
  },
  /** an argument mistake's first line, before the command's usage */
  argumentError: (command: string, message: string) => `dudao ${command}：参数有误：${message}`,
  unknownCommand: (command: string) =>
    `dudao：没有 “${command}” 这个命令（unknown command "${command}"），运行 npx dudao --help 查看全部命令`,
  unknownArgument: (argument: string) => `不认识的参数 “${argument}”`,
  /** parse: an option it does not know, when the text itself may begin with -- */
  unknownOption: (option: string) => `不认识的选项 “${option}”（文本以 -- 开头时，先写一个单独的 --）`,
  badNow: (timeZone: string) => `--now 后面应是时间，例如 ${TIME_EXAMPLE(timeZone)}`,
  badAt: (timeZone: string) => `--at 后面应是时间，例如 ${TIME_EXAMPLE(timeZone)}`,
  badDate: '--date 后面应是日期 YYYY-MM-DD，例如 --date 2026-03-16',
  parse: {
    /** how `dudao parse` prints what a message means (src/parser/parse-cli.ts); the English words are the commands' names */
    failed: (code: string, message: string) => `无法执行 (${code})\n${message}`,
    record: 'submit_record 提交督导记录',
    school: (name: string, id: string) => `  学校: ${name} (${id})`,
    date: (day: string) => `  日期: ${day}`,
    kind: (kind: string, manner: string | undefined, topic: string | undefined) =>
      `  类型: ${kind}${manner ? ` · ${manner}` : ''}${topic ? ` · 主题 ${topic}` : ''}`,
    findings: (text: string) => `  情况: ${text}`,
    highlights: (text: string) => `  亮点: ${text}`,
    remark: (text: string) => `  备注: ${text}`,
    problems: (n: number) => `  问题 ${n} 项:`,
    problem: (n: number, text: string, deadline: string, byDefault: boolean) =>
      `    ${n}. ${text} — 期限 ${deadline}${byDefault ? ' [默认]' : ''}`,
    stats: (from: string, to: string) => `stats 统计 ${from} 至 ${to}`,
    extension: (item: string, until: string, reason: string | undefined) =>
      `request_extension 申请延期 ${item} 至 ${until}${reason ? ` 原因: ${reason}` : ''}`,
    assumption: (text: string) => `  假定: ${text}`,
    warning: (text: string) => `  注意: ${text}`,
    /** a day with its reading: '2026-03-16（3月16日 周一）' */
    day: (day: string, shown: string) => `${day}（${shown}）`,
    pastDeadline: (n: number, deadline: string) =>
      `第${n}项问题的期限 ${deadline} 已过，事项登记后即逾期，下一次提醒时进入督办`,
    dayOffDeadline: (n: number, deadline: string, dayOff: string, next: string) =>
      `第${n}项问题的期限 ${deadline} 是休息日（${dayOff}），下一个工作日是 ${next}`,
    duplicate: (record: string) =>
      `与已登记的 ${record} 可能重复，未登记；如确需登记，请在记录中加上『确认重复』`,
    noText: '缺少要理解的文本',
    noRoster: '注意：还没有导入名单（npx dudao import <文件>），学校名称无法匹配',
  },
  remind: {
    busy: '另一次提醒正在运行，它会处理同样的内容，本次无需再做',
    /** '2026-03-16 09:00（Asia/Shanghai）' */
    when: (day: string, time: string, timeZone: string) => `${day} ${time}（${timeZone}）`,
    notWorkday: (when: string) => `${when} 不是工作日，不发送任何提醒`,
    outsideHours: (when: string, start: string, end: string) =>
      `${when} 不在工作时间 ${start}-${end}（WORK_HOURS）内，不发送任何提醒`,
    done: (when: string, scanned: number, messages: number, dryRun: boolean) =>
      `${when}：检查未销号事项 ${scanned} 项，${dryRun ? `应发提醒 ${messages} 条（试运行，未发送）` : `发出提醒 ${messages} 条`}`,
  },
  digest: {
    /** what became of one leader's (or admin's) digest */
    outcomes: {
      sent: '已发送',
      already_sent: '此前已发送，未重复发送',
      dry_run: '试运行，未发送',
    },
    leader: (name: string, id: string, scope: string, outcome: string) =>
      `→ ${name} (${id}) ${scope}：${outcome}`,
    admin: (name: string, id: string, n: number, outcome: string) =>
      `→ ${name} (${id}) 管理员，无法送达名单 ${n} 人：${outcome}`,
    noLeaders: '名单中没有在职的领导，日报无人可发',
    dryRun: (day: string, leaders: number) => `${day} 的日报：试运行，${leaders} 位领导均未发送`,
    sent: (day: string, sent: number, leaders: number) =>
      `${day} 的日报：已发给 ${sent} 位领导（共 ${leaders} 位；其余此前已发送）`,
  },
  export: {
    badMonth: '--month 后面应是月份 YYYY-MM，例如 --month 2026-03',
    noOut: '缺少 --out：要写入的文件，例如 --out 2026-03.xlsx',
    notXlsx: '--out 的文件名应以 .xlsx 结尾',
    done: (
      year: string,
      month: number,
      records: number,
      items: number,
      carried: number,
      overdue: number,
      path: string,
    ) =>
      `已导出 ${year}年${month}月：督导记录 ${records} 条，整改事项 ${items} 项（另有往月结转 ${carried} 项），通报逾期 ${overdue} 项 → ${path}`,
  },
  backup: {
    badKeep: '--keep 后面应是保留的天数（1 以上的整数），例如 --keep 30',
    noDir: '缺少 --dir：备份放在哪个目录，例如 --dir /var/backups/dudao',
    done: (path: string, size: string, viaRedisCli: boolean) =>
      `已备份：${path}（${size}${viaRedisCli ? '，经 redis-cli --rdb 取得' : ''}）`,
    pruned: (days: number, n: number, files: string[]) =>
      `已删除 ${days} 天前的备份 ${n} 份：${files.join('、')}`,
  },
  /** DUDAO_ENV_FILE cannot be read (src/env-file.ts) */
  envFile: {
    missing: (path: string) => `找不到配置文件 ${path}（DUDAO_ENV_FILE）`,
    unreadable: (path: string, detail: string) =>
      `无法读取配置文件 ${path}（DUDAO_ENV_FILE）：${detail}，请用 root 或服务用户运行`,
  },
  /** what stops a backup (src/redis/backup.ts) */
  backupFailed: {
    busyTimeout: '等待 Redis 空闲以执行 BGSAVE 超时',
    bgsave: 'Redis 的 BGSAVE 失败，请查看 Redis 日志（磁盘空间、权限）',
    bgsaveTimeout: '等待 Redis 的 BGSAVE 超时',
    noRedisCli: (detail: string) =>
      `Redis 的数据文件不在本机或无权读取，且找不到 redis-cli 来通过网络取得快照（${detail}）`,
    redisCli: (detail: string) => `redis-cli --rdb 失败：${detail}`,
    cluster:
      'Redis Cluster 请在各主节点上分别备份（dudao 的数据都在同一个槽所在的主节点上，见 docs/production.md）',
    notRdb: '得到的文件不是 Redis 快照（RDB）',
  },
  /** what stops a restore (src/redis/restore.ts) */
  restoreFailed: {
    notFound: (path: string) => `找不到文件 ${path}`,
    notRdb: (path: string) => `${path} 不是 Redis 快照（dudao backup 生成的 .rdb 文件）`,
    serviceRunning: (dir: string, port: number) =>
      `服务正在使用 ${dir} 中的 Redis（端口 ${port}）：请先停止服务（systemctl stop dudao），再恢复`,
    dataPresent: (dir: string, files: string[]) =>
      `${dir} 中已有数据（${files.join('、')}）。确认要用备份替换时加 --force：原有数据会移到 ${dir}/before-restore-时间/ 下，不会删除`,
    spawn: (detail: string) => `无法启动 redis-server：${detail}`,
    exited: (code: string, path: string) => `redis-server 退出了（${code}），见 ${path}`,
    loadTimeout: 'redis-server 加载快照超时',
    aofFailed: '写入 AOF 失败，见 restore-redis.log',
    aofTimeout: '写入 AOF 超时',
    notStopped: (path: string) => `redis-server 没有正常退出，见 ${path}`,
  },
  restore: {
    oneFile: '只能给一个备份文件',
    noFile: '缺少备份文件（.rdb）',
    externalRedis:
      'dudao restore：配置了 REDIS_URL（外部 Redis）。请在 Redis 所在的机器上恢复：停止 Redis，把备份文件放到它的数据目录（dir）并命名为 dbfilename（通常是 dump.rdb），以 appendonly no 启动，执行 CONFIG SET appendonly yes 并等 AOF 重写完成，再恢复原配置重启（见 docs/production.md）',
    done: (dir: string, keys: number, records: number, items: number) =>
      `已恢复到 ${dir}：${keys} 个键，督导记录编号到 DD-${records}，整改事项编号到 ZG-${items}`,
    movedTo: (dir: string) => `原有数据已移到 ${dir}（确认无误后可以删除）`,
    next: '现在可以启动服务（systemctl start dudao），并用 dudao export 导出一个月份核对',
  },
};
