-- The items of a list that pass a filter, read in one round trip (queries.ts): the filter runs
-- here, so a list of one status or of overdue items does not ship every other item to the client.
-- KEYS: item, itemText, itemExtReason for each candidate, in list order.
-- ARGV: 1 at most this many matches (then stop) · 2 allowed statuses, comma list ('' = any) ·
--       3 overdue before this day 'YYYY-MM-DD' (not closed, deadline earlier; '' = no such filter) ·
--       4 '1': a match is only its deadline (no hash, text or reason)
-- Returns {candidates examined, then per match: its place in the list (1-based), its deadline,
--          hash (flat) or false, text or false, reason or false}.

-- own(h): the item's own fields (item-own-fields.lua, loaded before this script)
local max = tonumber(ARGV[1])
local statuses = nil
if ARGV[2] ~= '' then
  statuses = {}
  for s in string.gmatch(ARGV[2], '[^,]+') do statuses[s] = true end
end
local before = ARGV[3]
local light = ARGV[4] == '1'
local out = {0}
local found = 0
local examined = 0
for i = 1, #KEYS, 3 do
  examined = examined + 1
  local f = redis.call('HMGET', KEYS[i], 'st', 'dl')
  local st, dl = f[1], f[2]
  local ok = st ~= false
  if ok and statuses and not statuses[st] then ok = false end
  if ok and before ~= '' and (st == 'closed' or not dl or dl >= before) then ok = false end
  if ok then
    local place = (i + 2) / 3
    if light then
      out[#out + 1] = place
      out[#out + 1] = dl or ''
      out[#out + 1] = false
      out[#out + 1] = false
      out[#out + 1] = false
    else
      local h, inline, pending = own(redis.call('HGETALL', KEYS[i]))
      out[#out + 1] = place
      out[#out + 1] = dl or ''
      out[#out + 1] = h
      out[#out + 1] = (not inline) and redis.call('GET', KEYS[i + 1]) or false
      out[#out + 1] = pending and redis.call('GET', KEYS[i + 2]) or false
    end
    found = found + 1
    if found >= max then break end
  end
end
out[1] = examined
return out
