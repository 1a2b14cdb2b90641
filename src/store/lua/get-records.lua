-- Read many visit records in one round trip (see get-items.lua for why).
-- KEYS: record, recordText, recordEvidence for each record, in that order.
-- Returns a flat array: hash (flat), texts JSON or nil, evidence list, for each record.
local out = {}
local n = 0
for i = 1, #KEYS, 3 do
  out[n + 1] = redis.call('HGETALL', KEYS[i])
  out[n + 2] = redis.call('GET', KEYS[i + 1])
  out[n + 3] = redis.call('LRANGE', KEYS[i + 2], 0, -1)
  n = n + 3
end
return out
