-- Read many items in one round trip: for each item its hash, its text when it is not the hash's
-- field t (a text too long for the listpack, or an item of the first release) and, only when an
-- extension is pending (field xu), its reason. One EVALSHA instead of three commands per item:
-- the client-side cost per command (objects, promises, reply parsing) dominates lists of items.
-- KEYS: item, itemText, itemExtReason for each item, in that order.
-- Returns a flat array: hash (flat), text or nil, reason or nil, for each item.

-- own(h): the item's own fields (item-own-fields.lua, loaded before this script)
local out = {}
local n = 0
for i = 1, #KEYS, 3 do
  local h, inline, pending = own(redis.call('HGETALL', KEYS[i]))
  out[n + 1] = h
  out[n + 2] = false
  out[n + 3] = false
  if #h > 0 and not inline then out[n + 2] = redis.call('GET', KEYS[i + 1]) end
  if pending then out[n + 3] = redis.call('GET', KEYS[i + 2]) end
  n = n + 3
end
return out
