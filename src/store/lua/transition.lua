-- One state change of a rectification item, checked against the lifecycle table (passed in
-- from src/domain/lifecycle.ts), applied, and appended to the item's history and the audit
-- stream. Idempotent per (item, source message): a retried job gets the first event back.
-- KEYS: 1 item · 2 history · 3 sources · 4 audit · 5 openByDeadline · 6 extReason ·
--       7 itemText (read only when the text is not the hash's field t)
-- ARGV: 1 item n · 2 action · 3 allowed from-states, comma list · 4 to-state or 'same' ·
--       5 needs pending extension '1'|'0' · 6 source 'platform:messageId' ·
--       7 event JSON without from/to · 8 now ISO · 9 until day ('' if none) · 10 until day number ·
--       11 reason · 12 actor · 13 attachments added · 14 audit MAXLEN
-- Returns {code, from, to, history index, event JSON, item text, ext reason, item hash flat}.
local ik = KEYS[1]
local function snapshot(code, from, to, idx, ev)
  local text = redis.call('HGET', ik, 't') or redis.call('GET', KEYS[7]) or ''
  -- the item's own fields (item-own-fields.lua, loaded before this script)
  local fields = own(redis.call('HGETALL', ik))
  return {code, from or '', to or '', idx or -1, ev or '', text, redis.call('GET', KEYS[6]) or '', fields}
end

local st = redis.call('HGET', ik, 'st')
if not st then return {'unknown_item'} end

local seen = redis.call('HGET', KEYS[3], ARGV[6])
if seen then
  local ev = redis.call('LINDEX', KEYS[2], tonumber(seen))
  local e = cjson.decode(ev)
  return snapshot('duplicate', e.from, e.to, tonumber(seen), ev)
end

local allowed = false
for s in string.gmatch(ARGV[3], '[^,]+') do
  if s == st then allowed = true end
end
if not allowed then return snapshot('bad_state') end
local pending = redis.call('HGET', ik, 'xu')
if ARGV[5] == '1' and not pending then return snapshot('no_pending_extension') end

local to = st
if ARGV[4] ~= 'same' then to = ARGV[4] end
local previous = nil
local action, now, n = ARGV[2], ARGV[8], ARGV[1]
redis.call('HSET', ik, 'st', to, 'up', now)

local function rescore(daynum)
  local score = tostring(daynum) .. string.format('%09d', tonumber(n))
  redis.call('ZADD', KEYS[5], score, n)
end

local function dayNumber(day)
  -- days since 1970-01-01 of 'YYYY-MM-DD' (H. Hinnant's days_from_civil)
  local y, m, d = tonumber(string.sub(day, 1, 4)), tonumber(string.sub(day, 6, 7)), tonumber(string.sub(day, 9, 10))
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

if action == 'request_extension' then
  redis.call('HSET', ik, 'xu', ARGV[9], 'xb', ARGV[12], 'xa', now)
  if ARGV[11] ~= '' then redis.call('SET', KEYS[6], ARGV[11]) else redis.call('DEL', KEYS[6]) end
elseif action == 'approve_extension' then
  previous = redis.call('HGET', ik, 'dl')
  local newdl, dn = ARGV[9], ARGV[10]
  if newdl == '' then newdl = pending; dn = dayNumber(pending) end
  redis.call('HSET', ik, 'dl', newdl, 'ds', 't')
  redis.call('HDEL', ik, 'xu', 'xb', 'xa')
  redis.call('DEL', KEYS[6])
  if to ~= 'closed' then rescore(dn) end
elseif action == 'reject' and ARGV[9] ~= '' then
  -- sent back with a new deadline (the old one had passed, or the supervisor wrote one)
  redis.call('HSET', ik, 'dl', ARGV[9], 'ds', 't')
  rescore(ARGV[10])
elseif action == 'refuse_extension' then
  redis.call('HDEL', ik, 'xu', 'xb', 'xa')
  redis.call('DEL', KEYS[6])
elseif action == 'attach' then
  redis.call('HINCRBY', ik, 'na', tonumber(ARGV[13]))
end

if to ~= st then
  if to == 'closed' then
    redis.call('HSET', ik, 'cl', now)
    redis.call('ZREM', KEYS[5], n)
  elseif st == 'closed' then
    redis.call('HDEL', ik, 'cl')
    rescore(dayNumber(redis.call('HGET', ik, 'dl')))
  end
end

local ev = string.sub(ARGV[7], 1, -2) .. ',"from":"' .. st .. '","to":"' .. to .. '"'
-- the deadline an approved extension replaced (a YYYY-MM-DD day: nothing to escape), so the
-- month's export can show every item's original deadline
if previous then ev = ev .. ',"previousDeadline":"' .. previous .. '"' end
ev = ev .. '}'
local idx = redis.call('RPUSH', KEYS[2], ev) - 1
redis.call('HSET', KEYS[3], ARGV[6], idx)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', tonumber(ARGV[14]), '*',
  'item', n, 'action', action, 'actor', ARGV[12], 'from', st, 'to', to, 'at', now, 'src', ARGV[6])
return snapshot('ok', st, to, idx, ev)
