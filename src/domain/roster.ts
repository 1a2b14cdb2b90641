// The roster: who is who. Imported from the office's workbook (columns in Chinese, see
// docs/spec/interfaces.md → Roster) and normalised into these shapes. Nothing is deleted: a person or
// school missing from a later import is deactivated, so history keeps its names.

import { z } from 'zod';
import { platformSchema } from './inbound.js';
import { zh } from '../text/zh-CN/index.js';

export const roles = ['supervisor', 'principal', 'leader', 'admin'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;
export const roleNames: Record<Role, string> = zh.domain.roles;

export const schoolTypes = ['小学', '初中', '高中', '九年一贯制', '幼儿园', '特殊教育', '职业学校'] as const;

export const schoolSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  shortNames: z.array(z.string().min(1).max(64)).default([]),
  type: z.enum(schoolTypes),
  nature: z.enum(['公办', '民办']).default('公办'),
  /** the zone (督导责任区) id */
  zone: z.string().min(1).max(64),
  active: z.boolean().default(true),
});
export type School = z.infer<typeof schoolSchema>;

export const zoneSchema = z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(64) });
export type Zone = z.infer<typeof zoneSchema>;

export const personSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(64),
  roles: z.array(roleSchema).min(1),
  /** a principal's school id */
  school: z.string().max(64).optional(),
  /** a supervisor's or leader's zone ids; ['*'] for the whole district (全部) */
  zones: z.array(z.string().max(64)).default([]),
  fullTime: z.boolean().default(false),
  wecomId: z.string().max(64).optional(),
  dingtalkId: z.string().max(64).optional(),
  mobile: z.string().max(32).optional(),
  active: z.boolean().default(true),
});
export type Person = z.infer<typeof personSchema>;

export const chatBindingSchema = z.object({
  type: z.enum(['zone', 'school', 'office']),
  id: z.string().max(64),
});
export const chatSchema = z.object({
  platform: platformSchema,
  /** chat id, openConversationId or robot webhook URL */
  chatId: z.string().min(1).max(1024),
  name: z.string().max(128).default(''),
  binding: chatBindingSchema,
});
export type Chat = z.infer<typeof chatSchema>;

/** One month of the office's yearly work plan (工作安排表). */
export const planEntrySchema = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/),
  content: z.string().min(1).max(500),
  kind: z.string().max(32).optional(),
  topic: z.string().max(64).optional(),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;

export const rosterSchema = z.object({
  zones: z.array(zoneSchema),
  schools: z.array(schoolSchema),
  people: z.array(personSchema),
  chats: z.array(chatSchema).default([]),
  plan: z.array(planEntrySchema).default([]),
});
export type Roster = z.infer<typeof rosterSchema>;

export const ALL_ZONES = '*';
