-- Create a visit record and one item per problem, atomically and once per source message.
-- KEYS: 1 recordBySource · 2 recordSeq · 3 itemSeq · 4 openByDeadline · 5 itemRangesBySchool ·
--       6 itemRangesByZone · 7 itemRangesBySupervisor · 8 recordsByDate · 9 recordsBySchool ·
--       10 recordsByZone · 11 recordsBySupervisor
-- ARGV: 1 recordBase · 2 itemBase · 3 textSuffix · 4 payload JSON · 5 source TTL seconds
-- payload: { rec = {field, value, ...}, recText = 'JSON of the long texts' (absent when it is the
--            hash's field t), day = visit day number,
--            items = [{ f = {field, value, ...}, text = '...' (absent when it is f's field t),
--                       dl = deadline day number }] }
-- Ids are allocated here, so a retried job can never burn numbers (DD-7 then DD-9).
-- The item indexes by school, zone and supervisor get one entry per record: score its first
-- item number, member its last (keys.ts).
-- Returns {created 0|1, record n, first item n}.
local existing = redis.call('GET', KEYS[1])
if existing then
  local n = tonumber(existing)
  local first = tonumber(redis.call('HGET', ARGV[1] .. n, 'i0') or '0')
  return {0, n, first}
end

local p = cjson.decode(ARGV[4])
local count = #p.items
local rn = redis.call('INCR', KEYS[2])
local first = redis.call('INCRBY', KEYS[3], count) - count + 1

local rk = ARGV[1] .. rn
redis.call('HSET', rk, 'i0', first, 'ni', count, unpack(p.rec))
if type(p.recText) == 'string' then redis.call('SET', rk .. ARGV[3], p.recText) end
local rscore = tostring(p.day) .. string.format('%09d', rn)
redis.call('ZADD', KEYS[8], rscore, rn)
redis.call('ZADD', KEYS[9], rscore, rn)
redis.call('ZADD', KEYS[10], rscore, rn)
redis.call('ZADD', KEYS[11], rscore, rn)

for i, it in ipairs(p.items) do
  local id = first + i - 1
  local ik = ARGV[2] .. id
  redis.call('HSET', ik, 'r', rn, unpack(it.f))
  if type(it.text) == 'string' then redis.call('SET', ik .. ARGV[3], it.text) end
  redis.call('ZADD', KEYS[4], tostring(it.dl) .. string.format('%09d', id), id)
end
if count > 0 then
  local last = first + count - 1
  redis.call('ZADD', KEYS[5], first, last)
  redis.call('ZADD', KEYS[6], first, last)
  redis.call('ZADD', KEYS[7], first, last)
end

redis.call('SET', KEYS[1], rn, 'EX', tonumber(ARGV[5]))
return {1, rn, first}
