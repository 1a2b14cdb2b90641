-- The simulator's 重置演示数据 (src/store/wipe.ts): every key of the prefix is deleted but those
-- starting with a kept prefix, in one script so no message can write between the scan and the
-- deletion (a record made half-way would otherwise survive with its counter gone).
-- KEYS[1], KEYS[2] the visit-record and item counters (seq:dd, seq:zg); being keys of the prefix,
-- they also route the script to the node holding the prefix's hash slot
-- ARGV[1] the SCAN MATCH pattern (the prefix, glob-escaped, then ':*')
-- ARGV[2..n] kept key prefixes
-- Returns { deleted keys, the visit-record counter, the item counter } (the counters as before).
local records = tonumber(redis.call('GET', KEYS[1])) or 0
local items = tonumber(redis.call('GET', KEYS[2])) or 0
local deleted = 0
local cursor = '0'
repeat
  local r = redis.call('SCAN', cursor, 'MATCH', ARGV[1], 'COUNT', 1000)
  cursor = r[1]
  for _, key in ipairs(r[2]) do
    local keep = false
    for i = 2, #ARGV do
      if string.sub(key, 1, #ARGV[i]) == ARGV[i] then
        keep = true
        break
      end
    end
    if not keep then
      redis.call('UNLINK', key)
      deleted = deleted + 1
    end
  end
until cursor == '0'
return { deleted, records, items }
