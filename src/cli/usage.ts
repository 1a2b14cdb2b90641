import { zh } from '../text/zh-CN/index.js';

/**
 * What `npx dudao … --help` prints: the operators' text, in Chinese (they are a county office's
 * staff), worded in the catalogue (zh.cli.usage). One text per command; the option names and the
 * command names stay as typed.
 */

export const USAGE: string = zh.cli.usage.all;

/** by command name (a table read by the name typed) */
export const usages: Record<string, string> = zh.cli.usage.commands;

/** `dudao <command>: 参数有误：… ` then the usage: what an argument error prints on stderr. */
export function argumentError(command: string, message: string): string[] {
  return [zh.cli.argumentError(command, message), '', usages[command] ?? USAGE];
}
