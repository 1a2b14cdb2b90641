#!/bin/sh
# dudao 督导助手 安装脚本（安装或升级本目录中的版本）。不需要互联网、npm 或 apt：
# 本目录已含全部代码和依赖，服务器上只需要 Node 20.19+ 和 redis-server（或外部 Redis 的 REDIS_URL）。
#
#   sudo sh install.sh                 安装或升级到 /opt/dudao，配置 /etc/dudao/dudao.env，
#                                      数据 /var/lib/dudao，备份 /var/backups/dudao，systemd 服务 dudao
#   sh install.sh --root DIR           只把文件装到 DIR 下（打包、试装、测试用），不建用户、不动 systemd
#
# 其他选项：--prefix 目录（默认 /opt/dudao）、--etc 目录（默认 /etc/dudao）、--data 目录
# （默认 /var/lib/dudao）、--backups 目录（默认 /var/backups/dudao）、--user 用户（默认 dudao）、
# --no-systemd（不安装、不启动 systemd 单元）、--no-start（安装但不启动或重启服务）。
# 详见 docs/zh/部署手册.md。
set -eu

PREFIX=/opt/dudao
ETC=/etc/dudao
DATA=/var/lib/dudao
BACKUPS=/var/backups/dudao
SVC_USER=dudao
ROOT=
SYSTEMD=yes
START=yes
BIN=/usr/local/bin

say() { printf '[dudao] %s\n' "$*"; }
die() { printf '[dudao] 错误：%s\n' "$*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX=$2; shift 2 ;;
    --etc) ETC=$2; shift 2 ;;
    --data) DATA=$2; shift 2 ;;
    --backups) BACKUPS=$2; shift 2 ;;
    --user) SVC_USER=$2; shift 2 ;;
    --root) ROOT=$2; SYSTEMD=no; START=no; shift 2 ;;
    --no-systemd) SYSTEMD=no; shift ;;
    --no-start) START=no; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) die "不认识的选项 $1（运行 sh install.sh --help 查看用法）" ;;
  esac
done

HERE=$(cd "$(dirname "$0")" && pwd -P)
[ -f "$HERE/bin/dudao.mjs" ] && [ -d "$HERE/node_modules" ] || die "请在解压出的 dudao-版本 目录中运行本脚本"

# 1. Node：20.19 以上（或 22.12 以上）
NODE=$(command -v node || true)
[ -n "$NODE" ] || die "找不到 node。请先安装 Node.js 20（发行版软件包或官方二进制包，见部署手册「准备 Node.js 和 Redis」）"
"$NODE" -e '
const [a, b] = process.versions.node.split(".").map(Number);
process.exit((a === 20 && b >= 19) || (a === 22 && b >= 12) || a > 22 ? 0 : 1);
' || die "node $("$NODE" -v) 太旧：需要 Node 20.19 或更新版本（或 22.12 以上）"
VERSION=$("$NODE" -p 'require(process.argv[1]).version' "$HERE/package.json")
NAME=dudao-$VERSION

# 2. Redis：没有 REDIS_URL 时需要本机的 redis-server
ENVFILE=$ROOT$ETC/dudao.env
if ! command -v redis-server >/dev/null 2>&1; then
  if [ -f "$ENVFILE" ] && grep -Eq '^[[:space:]]*REDIS_URL=[^[:space:]]' "$ENVFILE"; then
    say "本机没有 redis-server，配置中有 REDIS_URL，使用外部 Redis"
  else
    die "找不到 redis-server。请先安装 Redis（发行版软件包 redis 或 redis-server，见部署手册「准备 Node.js 和 Redis」），或在 $ETC/dudao.env 中设置 REDIS_URL 使用外部 Redis"
  fi
fi

if [ -z "$ROOT" ] && [ "$(id -u)" != 0 ]; then
  die "请用 root 运行（sudo sh install.sh），或用 --root 目录 只安装文件"
fi

# 3. 服务用户（不能登录的系统用户）
if [ -z "$ROOT" ] && ! id "$SVC_USER" >/dev/null 2>&1; then
  NOLOGIN=$(command -v nologin || echo /sbin/nologin)
  useradd --system --user-group --home-dir "$DATA" --no-create-home --shell "$NOLOGIN" "$SVC_USER"
  say "已创建系统用户 $SVC_USER"
fi
own() { [ -n "$ROOT" ] || chown "$@"; }

# 4. 代码：$PREFIX/dudao-版本，$PREFIX/current 指向正在使用的版本，$PREFIX/previous 指向上一个
DEST=$ROOT$PREFIX/$NAME
mkdir -p "$ROOT$PREFIX"
OLD=
if [ -L "$ROOT$PREFIX/current" ]; then OLD=$(readlink "$ROOT$PREFIX/current"); fi
if [ "$HERE" != "$DEST" ]; then
  rm -rf "$DEST.new"
  cp -a "$HERE" "$DEST.new"
  rm -rf "$DEST"
  mv "$DEST.new" "$DEST"
fi
[ -n "$ROOT" ] || chown -R root:root "$DEST"
chmod -R u=rwX,go=rX "$DEST"

# 升级前先备份（用旧版本，服务仍在运行也可以）
if [ -n "$OLD" ] && [ "$OLD" != "$NAME" ] && [ -z "$ROOT" ] && [ -x "$BIN/dudao" ]; then
  say "升级前备份数据到 $BACKUPS …"
  "$BIN/dudao" backup --dir "$BACKUPS" --keep 30 || die "升级前的备份失败，未做任何改动。请先运行 dudao doctor 检查"
fi

# 5. 配置、数据和备份目录
mkdir -p "$ROOT$ETC"
if [ ! -f "$ENVFILE" ]; then
  {
    printf '# dudao 督导助手的配置（systemd 的 EnvironmentFile，dudao 命令也读它）。\n'
    printf '# 每个变量的说明见 %s/current/.env.example；改完后运行 systemctl restart dudao。\n\n' "$PREFIX"
    printf 'DATA_DIR=%s\n' "$DATA"
    printf 'PORT=3000\nHOST=127.0.0.1\n'
    printf '# PUBLIC_BASE_URL=https://dudao.example.gov.cn\n'
    printf '# TRUST_PROXY=true\n'
    printf '# OFFICE_NAME=某某区教育督导室\n'
    printf '# ADMIN_TOKEN=\n'
    printf '# 企业微信、钉钉的变量见部署手册「在平台上创建应用」\n'
  } > "$ENVFILE"
  chmod 0640 "$ENVFILE"
  own "root:$SVC_USER" "$ENVFILE"
  say "已写入配置模板 $ETC/dudao.env，请按部署手册填写"
else
  say "保留现有配置 $ETC/dudao.env"
fi
for d in "$ROOT$DATA" "$ROOT$BACKUPS"; do
  mkdir -p "$d"
  chmod 0700 "$d"
  own "$SVC_USER:$SVC_USER" "$d"
done

# 6. systemd 单元和 dudao 命令，写入本机的路径和 node 的绝对路径
subst() {
  sed -e "s#/usr/bin/env node#$NODE#g" \
    -e "s#/opt/dudao#$PREFIX#g" \
    -e "s#/etc/dudao#$ETC#g" \
    -e "s#/var/lib/dudao#$DATA#g" \
    -e "s#/var/backups/dudao#$BACKUPS#g" \
    -e "s#^User=dudao#User=$SVC_USER#" \
    -e "s#^Group=dudao#Group=$SVC_USER#" \
    "$1"
}
UNITS=$ROOT/etc/systemd/system
mkdir -p "$UNITS" "$ROOT$BIN"
for u in dudao.service dudao-backup.service dudao-backup.timer; do
  subst "$HERE/deploy/$u" > "$UNITS/$u"
  chmod 0644 "$UNITS/$u"
done
subst "$HERE/deploy/dudao" > "$ROOT$BIN/dudao"
chmod 0755 "$ROOT$BIN/dudao"

# 7. 切换版本：先建新链接再原子替换，previous 指向上一个版本（回退用）
ln -sfn "$NAME" "$ROOT$PREFIX/current.new"
mv -fT "$ROOT$PREFIX/current.new" "$ROOT$PREFIX/current"
if [ -n "$OLD" ] && [ "$OLD" != "$NAME" ]; then ln -sfn "$OLD" "$ROOT$PREFIX/previous"; fi
say "已安装 $NAME 到 $PREFIX/$NAME（$PREFIX/current 指向它）"

if [ "$SYSTEMD" = yes ]; then
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable dudao.service dudao-backup.timer >/dev/null 2>&1
    systemctl start dudao-backup.timer
    if [ "$START" = yes ]; then
      if systemctl is-active --quiet dudao.service; then
        systemctl restart dudao.service && say "已重启服务 dudao（新版本）"
      elif [ -n "$OLD" ]; then
        systemctl start dudao.service && say "已启动服务 dudao"
      else
        say "首次安装：请先编辑 $ETC/dudao.env，再运行 systemctl start dudao"
      fi
    fi
  else
    say "本机没有运行 systemd：单元文件已放到 /etc/systemd/system，请用其他方式启动 $BIN/dudao serve"
  fi
fi
say "下一步：dudao doctor（检查配置和环境）；部署手册在 $PREFIX/current/docs/zh/"
