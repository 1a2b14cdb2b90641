import { principalAction } from './principal-action.js';
import type { Handler } from './types.js';

/** 整改进度 ZG-12 进行中/已完成 …, 整改完成 ZG-12 …: in_progress, or done → submitted. */
export const reportProgress: Handler<'report_progress'> = (cmd, actor, deps) =>
  principalAction(deps, actor, cmd.item, cmd.status === 'done' ? 'done' : 'progress', cmd.note);
