-- Read many items in one round trip: for each item its hash, its text and, only when an extension
-- is pending (field xu), its reason. One EVALSHA instead of three commands per item: the
-- client-side cost per command (objects, promises, reply parsing) dominates lists of items.
-- KEYS: item, itemText, itemExtReason for each item, in that order.
-- Returns a flat array: hash (flat), text or nil, reason or nil, for each item.
local out = {}
local n = 0
for i = 1, #KEYS, 3 do
  local h = redis.call('HGETALL', KEYS[i])
  out[n + 1] = h
  out[n + 2] = redis.call('GET', KEYS[i + 1])
  out[n + 3] = false
  for j = 1, #h, 2 do
    if h[j] == 'xu' then out[n + 3] = redis.call('GET', KEYS[i + 2]) end
  end
  n = n + 3
end
return out
